package io.fedp2p.gossip.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fedp2p.gossip.host.Connection;
import io.fedp2p.gossip.host.Host;
import io.fedp2p.gossip.host.HostConfig;
import io.fedp2p.gossip.host.IdentifyInfo;
import io.fedp2p.gossip.host.Stream;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.protocols.Identify;
import io.fedp2p.gossip.protocols.Perf;
import io.fedp2p.gossip.protocols.Ping;
import io.fedp2p.gossip.testing.EchoProtocol;
import io.fedp2p.gossip.testing.JsPeer;
import io.fedp2p.gossip.testing.StreamCollector;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Interop with a real js-libp2p 3.x node (LIBP2P.md §11): Java dials js and js dials Java; identify both ways, ping,
 * 64 MiB {@code /perf/1.0.0} each way, 100 concurrent streams each way, and a connection kept open past js's 10 s
 * ping monitor and 30 s yamux keep-alive (checked last, so the other tests fill the wait).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JsLibp2pInteropIT {
    private static final String JS_SEED = "01".repeat(32);
    private static final long MIB_64 = 64L << 20;
    private static final Duration KEEP_OPEN = Duration.ofSeconds(36);

    private static JsPeer js;
    private static Host dialer;
    private static Host listener;
    private static Multiaddr listenerAddr;
    private static Connection toJs;
    private static long connectedAt;

    @BeforeAll
    static void start() throws Exception {
        js = JsPeer.start(JS_SEED);
        dialer = Host.create(HostConfig.of(Identity.fromSeed(seed(3))));
        dialer.setStreamHandler(EchoProtocol.ID, EchoProtocol.responder());
        listener = Host.create(HostConfig.of(Identity.fromSeed(seed(2))).withPerf(true));
        listener.setStreamHandler(EchoProtocol.ID, EchoProtocol.responder());
        listenerAddr = listener.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(10, TimeUnit.SECONDS);
        toJs = dialer.dial(js.addr()).get(10, TimeUnit.SECONDS);
        connectedAt = System.nanoTime();
    }

    @AfterAll
    static void stop() {
        if (dialer != null) {
            dialer.close();
        }
        if (listener != null) {
            listener.close();
        }
        if (js != null) {
            js.close();
        }
    }

    private static byte[] seed(int b) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) b);
        return s;
    }

    @Test
    @Order(1)
    void javaDialsJsAndBothSidesIdentifyEachOther() throws Exception {
        IdentifyInfo info = toJs.identify().get(10, TimeUnit.SECONDS);

        assertThat(toJs.remotePeer()).isEqualTo(js.peerId());
        assertThat(info.publicKey().peerId()).isEqualTo(js.peerId());
        assertThat(info.agentVersion()).startsWith("js-libp2p/3.");
        assertThat(info.protocols()).contains(Identify.ID, Ping.ID, EchoProtocol.ID);
        JsonNode seen = js.awaitEvent(
                e -> e.get("event").asText().equals("identify")
                        && e.get("peerId").asText().equals(dialer.peerId().toString()),
                Duration.ofSeconds(10));
        assertThat(seen.get("publicKeyMatches").asBoolean()).isTrue();
        assertThat(seen.get("agentVersion").asText()).isEqualTo(HostConfig.DEFAULT_AGENT);
    }

    @Test
    @Order(2)
    void javaPingsJs() throws Exception {
        for (int i = 0; i < 3; i++) {
            Duration rtt = dialer.ping(toJs).get(10, TimeUnit.SECONDS);
            assertThat(rtt).isPositive().isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    @Order(3)
    void jsDialsJavaIdentifiesAndPings() throws Exception {
        JsonNode dialed = js.request(Map.of("cmd", "dial", "addr", listenerAddr.toString()))
                .get(10, TimeUnit.SECONDS);
        JsonNode identified = js.awaitEvent(
                e -> e.get("event").asText().equals("identify")
                        && e.get("peerId").asText().equals(listener.peerId().toString()),
                Duration.ofSeconds(10));
        JsonNode ping = js.request(Map.of("cmd", "ping", "addr", listenerAddr.toString()))
                .get(10, TimeUnit.SECONDS);
        IdentifyInfo fromJava =
                listener.connections(js.peerId()).get(0).identify().get(10, TimeUnit.SECONDS);

        assertThat(dialed.get("peerId").asText()).isEqualTo(listener.peerId().toString());
        assertThat(identified.get("publicKeyMatches").asBoolean()).isTrue();
        List<String> protocols = new ArrayList<>();
        identified.get("protocols").forEach(p -> protocols.add(p.asText()));
        assertThat(protocols).contains(Identify.ID, Ping.ID, Perf.ID, EchoProtocol.ID);
        assertThat(ping.get("rttMs").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(fromJava.peerId()).isEqualTo(js.peerId());
    }

    @Test
    @Order(4)
    void perfJavaToJs64MiBEachWay() throws Exception {
        Perf.Result r = Perf.run(toJs, MIB_64, MIB_64).get(120, TimeUnit.SECONDS);
        JsonNode stats = js.request(Map.of("cmd", "perf-stats")).get(10, TimeUnit.SECONDS);

        assertThat(r.downloadBytes()).isEqualTo(MIB_64);
        assertThat(stats.get("lastUpload").asLong()).isEqualTo(MIB_64);
    }

    @Test
    @Order(5)
    void perfJsToJava64MiBEachWay() throws Exception {
        long inBefore = listener.traffic(js.peerId()).bytesIn();

        JsonNode r = js.request(
                        Map.of("cmd", "perf", "addr", listenerAddr.toString(), "upload", MIB_64, "download", MIB_64))
                .get(120, TimeUnit.SECONDS);

        assertThat(r.get("downloadBytes").asLong()).isEqualTo(MIB_64);
        assertThat(listener.traffic(js.peerId()).bytesIn() - inBefore).isGreaterThanOrEqualTo(MIB_64);
    }

    @Test
    @Order(6)
    void hundredConcurrentStreamsFromJavaToJs() throws Exception {
        List<CompletableFuture<byte[]>> echoes = new ArrayList<>();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            byte[] payload = pattern(16 * 1024, i);
            sent.add(payload);
            echoes.add(toJs.newStream(EchoProtocol.ID).thenCompose(s -> echo(s, payload)));
        }
        for (int i = 0; i < 100; i++) {
            assertThat(echoes.get(i).get(30, TimeUnit.SECONDS))
                    .as("stream %d", i)
                    .isEqualTo(sent.get(i));
        }
    }

    @Test
    @Order(7)
    void hundredConcurrentStreamsFromJsToJava() throws Exception {
        JsonNode r = js.request(Map.of("cmd", "echo", "addr", listenerAddr.toString(), "count", 100, "bytes", 16384))
                .get(60, TimeUnit.SECONDS);

        assertThat(r.get("streams").asInt()).isEqualTo(100);
        assertThat(listener.connections(js.peerId())).hasSize(1);
    }

    @Test
    @Order(8)
    void connectionOutlivesJsPingMonitorAndYamuxKeepAlive() throws Exception {
        long left = KEEP_OPEN.toNanos() - (System.nanoTime() - connectedAt);
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        JsonNode conns = js.request(Map.of("cmd", "connections")).get(10, TimeUnit.SECONDS);
        Duration rtt = dialer.ping(toJs).get(10, TimeUnit.SECONDS);

        assertThat(toJs.isOpen()).isTrue();
        assertThat(rtt).isPositive();
        boolean found = false;
        for (JsonNode c : conns.get("connections")) {
            if (c.get("peerId").asText().equals(dialer.peerId().toString())) {
                found = true;
                assertThat(c.get("status").asText()).isEqualTo("open");
                assertThat(c.get("ageMs").asLong()).isGreaterThanOrEqualTo(35_000);
            }
        }
        assertThat(found).as("js still has the connection from the Java dialer").isTrue();
        assertThat(listener.connections(js.peerId())).hasSize(1);
    }

    @Test
    @Order(9)
    void javaIdMatchesJsForTheSameSeed() throws Exception {
        String seed = HexFormat.of().formatHex(seed(0x42));
        JsonNode fromJs = JsPeer.id(seed);
        Identity id = Identity.fromSeed(seed(0x42));

        assertThat(id.peerId().toString()).isEqualTo(fromJs.get("peerId").asText());
        assertThat(id.peerId().toCid()).isEqualTo(fromJs.get("cid").asText());
        assertThat(HexFormat.of().formatHex(id.publicKey().toProtobuf()))
                .isEqualTo(fromJs.get("publicKeyProtobufHex").asText());
    }

    private static CompletableFuture<byte[]> echo(Stream s, byte[] payload) {
        CompletableFuture<byte[]> back = StreamCollector.collect(s);
        s.write(Unpooled.wrappedBuffer(payload));
        s.closeWrite();
        return back;
    }

    private static byte[] pattern(int n, int salt) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + salt);
        }
        return b;
    }
}
