package io.fedp2p.gossip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.fedp2p.gossip.clock.VirtualClock;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.GossipConfig;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.gossip.protocol.PayloadEncoding;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InMemoryNetworkTest {
    private static final ByteString H = GossipConfig.sha256("x");
    private final VirtualClock clock = new VirtualClock();

    private static Identity id(int n) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) n);
        return Identity.fromSeed(seed);
    }

    private InMemoryNetwork network(boolean fidelity, LinkModel links) {
        return new InMemoryNetwork(
                clock,
                InMemoryNetwork.Options.fast(GossipConfig.defaults("sim", H, H, 3))
                        .withWireFidelity(fidelity)
                        .withLinks(links));
    }

    private static ModelMessage msg(long round, int step, float v) {
        return ModelMessage.of(round, step, 2, new float[] {v, v, v});
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void deliversThroughTheClockAfterTheLinkDelay(boolean fidelity) {
        InMemoryNetwork net = network(fidelity, (f, t, b, now) -> 5_000_000L);
        InMemoryTransport a = net.join(id(1));
        InMemoryTransport b = net.join(id(2));
        RecordingListener lb = new RecordingListener();
        a.start(new RecordingListener());
        b.start(lb);
        net.connect(a.localPeer(), b.localPeer());
        clock.runUntilIdle(100);

        a.send(List.of(b.localPeer()), msg(0, 0, 1f));
        clock.runUntil(clock.nanos() + 4_999_999L);
        assertThat(lb.messages).isEmpty();
        clock.runUntil(clock.nanos() + 1);

        assertThat(lb.from(a.localPeer())).containsExactly(msg(0, 0, 1f));
        assertThat(lb.up).containsExactly(a.localPeer());
        assertThat(b.traffic().bytesIn()).isPositive().isEqualTo(a.traffic().bytesOut());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void catchesEquivocationAcrossRecipientsThroughRelayedHeaders(boolean fidelity) {
        // triangle a–b–c–a: a sends one vector to b and another to c for the same slot
        InMemoryNetwork net = network(fidelity, LinkModel.instant());
        InMemoryTransport a = net.join(id(1));
        InMemoryTransport b = net.join(id(2));
        InMemoryTransport c = net.join(id(3));
        RecordingListener lb = new RecordingListener();
        RecordingListener lc = new RecordingListener();
        a.start(new RecordingListener());
        b.start(lb);
        c.start(lc);
        net.connect(a.localPeer(), b.localPeer());
        net.connect(a.localPeer(), c.localPeer());
        net.connect(b.localPeer(), c.localPeer());

        a.send(List.of(b.localPeer()), msg(3, 1, 1f));
        a.send(List.of(c.localPeer()), msg(3, 1, 2f));
        clock.runUntil(Duration.ofSeconds(1).toNanos()); // not until idle: that would also run the bans' expiry

        assertThat(lb.proofs).singleElement().satisfies(p -> assertThat(p.offender())
                .isEqualTo(a.localPeer()));
        assertThat(lc.proofs).singleElement().satisfies(p -> assertThat(p.verifies())
                .isEqualTo(fidelity));
        assertThat(b.isBanned(a.localPeer())).isTrue();
        assertThat(c.isBanned(a.localPeer())).isTrue();
        assertThat(net.neighbours(a.localPeer())).isEmpty();
    }

    @Test
    void dropsReplaysAndStaleSlotsWithoutPenalty() {
        InMemoryNetwork net = network(true, LinkModel.instant());
        InMemoryTransport a = net.join(id(1));
        InMemoryTransport b = net.join(id(2));
        RecordingListener lb = new RecordingListener();
        a.start(new RecordingListener());
        b.start(lb);
        net.connect(a.localPeer(), b.localPeer());

        a.send(List.of(b.localPeer()), msg(2, 1, 1f));
        a.send(List.of(b.localPeer()), msg(2, 1, 1f));
        a.send(List.of(b.localPeer()), msg(2, 0, 5f));
        a.send(List.of(b.localPeer()), msg(3, 0, 1f));
        clock.runUntilIdle(1000);

        assertThat(lb.from(a.localPeer())).containsExactly(msg(2, 1, 1f), msg(3, 0, 1f));
        assertThat(lb.faults).isEmpty();
        assertThat(b.isBanned(a.localPeer())).isFalse();
    }

    @Test
    void quantisesNonFloat32EncodingsAsTheWireWould() {
        InMemoryNetwork net = new InMemoryNetwork(
                clock,
                InMemoryNetwork.Options.fast(
                        GossipConfig.defaults("sim", H, H, 3).withEncoding(PayloadEncoding.FLOAT16)));
        InMemoryTransport a = net.join(id(1));
        InMemoryTransport b = net.join(id(2));
        RecordingListener lb = new RecordingListener();
        a.start(new RecordingListener());
        b.start(lb);
        net.connect(a.localPeer(), b.localPeer());
        float[] v = {1.0001f, -2.5f, 3.14159f};

        a.send(List.of(b.localPeer()), ModelMessage.of(0, 0, 1, v));
        clock.runUntilIdle(100);

        assertThat(lb.messages.get(0).message().theta()).containsExactly(a.asReceived(v));
        assertThat(a.asReceived(v)[0]).isEqualTo(1.0f);
    }

    @Test
    void aBanCutsTheLinkAndTheLinkReturnsWhenItEnds() {
        InMemoryNetwork net = network(false, LinkModel.instant());
        InMemoryTransport a = net.join(id(1));
        InMemoryTransport b = net.join(id(2));
        RecordingListener la = new RecordingListener();
        a.start(la);
        b.start(new RecordingListener());
        net.connect(a.localPeer(), b.localPeer());
        clock.runUntilIdle(10);

        a.ban(b.localPeer(), "test", Duration.ofSeconds(30));
        clock.runUntil(Duration.ofSeconds(1).toNanos());
        assertThat(net.neighbours(a.localPeer())).isEmpty();
        assertThat(la.down).containsExactly(b.localPeer());

        clock.runUntil(Duration.ofSeconds(31).toNanos());
        assertThat(net.neighbours(a.localPeer())).containsExactly(b.localPeer());
    }

    @Test
    void lossyLinksAreDeterministicForASeed() {
        List<Integer> first = lossPattern(7);
        List<Integer> second = lossPattern(7);

        assertThat(first).isEqualTo(second);
        assertThat(first.size()).isBetween(20, 80);
    }

    private static List<Integer> lossPattern(long seed) {
        VirtualClock c = new VirtualClock();
        InMemoryNetwork net = new InMemoryNetwork(
                c,
                InMemoryNetwork.Options.fast(GossipConfig.defaults("sim", H, H, 3))
                        .withLinks(new SimpleLinkModel(Duration.ofMillis(10), 1e6, 0.5, new SplittableRandom(seed))));
        InMemoryTransport a = net.join(id(1));
        InMemoryTransport b = net.join(id(2));
        RecordingListener lb = new RecordingListener();
        a.start(new RecordingListener());
        b.start(lb);
        net.connect(a.localPeer(), b.localPeer());
        for (int r = 0; r < 100; r++) a.send(List.of(b.localPeer()), msg(r, 0, r));
        c.runUntilIdle(10_000);
        return lb.messages.stream().map(m -> (int) m.message().round()).toList();
    }

    @Test
    void bandwidthQueuesMessagesOnALink() {
        InMemoryNetwork net =
                network(false, new SimpleLinkModel(Duration.ofMillis(1), 1000, 0, new SplittableRandom(1)));
        InMemoryTransport a = net.join(id(1));
        InMemoryTransport b = net.join(id(2));
        RecordingListener lb = new RecordingListener();
        a.start(new RecordingListener());
        b.start(lb);
        net.connect(a.localPeer(), b.localPeer());
        clock.runUntilIdle(10);
        long t0 = clock.nanos();

        a.send(List.of(b.localPeer()), msg(0, 0, 1));
        a.send(List.of(b.localPeer()), msg(0, 1, 1));
        clock.runNext();
        long first = clock.nanos() - t0;
        clock.runNext();
        long second = clock.nanos() - t0;

        // each message is HEADER_BYTES + 3·4 + 16 = 288 bytes at 1000 B/s: 288 ms transfer + 1 ms latency
        assertThat(first).isEqualTo(289_000_000L);
        assertThat(second).isEqualTo(577_000_000L);
        assertThat(lb.messages).hasSize(2);
    }

    @Test
    void penaltiesFromAboveLeadToABan() {
        InMemoryNetwork net = network(false, LinkModel.instant());
        InMemoryTransport a = net.join(id(1));
        InMemoryTransport b = net.join(id(2));
        a.start(new RecordingListener());
        b.start(new RecordingListener());
        net.connect(a.localPeer(), b.localPeer());
        PeerId bad = b.localPeer();

        a.penalise(bad, io.fedp2p.gossip.fault.FaultKind.BAD_PAYLOAD, "nan");
        assertThat(a.isBanned(bad)).isFalse();
        for (int i = 0; i < 3; i++) a.penalise(bad, io.fedp2p.gossip.fault.FaultKind.BAD_PAYLOAD, "nan");

        assertThat(a.isBanned(bad)).isTrue();
    }
}
