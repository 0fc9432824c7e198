package io.fedp2p.gossip.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.FaultScope;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.noise.RawPeer;
import io.fedp2p.gossip.protocols.Perf;
import io.fedp2p.gossip.testing.RecordingFaultSink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile peers against one host while an honest peer runs a {@code /perf/1.0.0} transfer: every attack closes only
 * the attacker's connection, logs and counts one fault of the right kind, and the honest transfer completes.
 */
class HostilePeerIT {
    private static final long TRANSFER = 24L << 20;
    private static final int MAX_STREAMS = 16;

    private static RecordingFaultSink faults;
    private static Host victim;
    private static Host honest;
    private static Multiaddr victimAddr;
    private static InetSocketAddress victimSocket;
    private CompletableFuture<Perf.Result> transfer;
    private Connection honestConnection;

    @BeforeAll
    static void startHosts() throws Exception {
        faults = new RecordingFaultSink();
        WireLimits limits = WireLimits.DEFAULTS
                .withHandshakeTimeout(Duration.ofSeconds(1))
                .withMaxStreamsPerConnection(MAX_STREAMS);
        victim = Host.create(HostConfig.of(Identity.fromSeed(new byte[32]))
                .withLimits(limits)
                .withPerf(true)
                .withFaultSink(faults));
        victimAddr = victim.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
        victimSocket =
                new InetSocketAddress("127.0.0.1", victimAddr.tcpEndpoint().port());
        honest = Host.create(HostConfig.of(Identity.generate(new SecureRandom())));
    }

    @AfterAll
    static void stopHosts() {
        honest.close();
        victim.close();
    }

    @BeforeEach
    void startHonestTransfer() throws Exception {
        honestConnection = honest.dial(victimAddr).get(5, TimeUnit.SECONDS);
        transfer = Perf.run(honestConnection, TRANSFER, TRANSFER);
    }

    @AfterEach
    void honestTransferCompletes() throws Exception {
        Perf.Result r = transfer.get(60, TimeUnit.SECONDS);
        assertThat(r.downloadBytes()).isEqualTo(TRANSFER);
        assertThat(honestConnection.isOpen()).isTrue();
        assertThat(victim.connections(honest.peerId())).hasSize(1);
    }

    private static void assertFault(FaultKind kind) throws InterruptedException {
        assertThat(faults.await(kind, 5000).scope()).isEqualTo(FaultScope.CONNECTION);
        assertThat(victim.faultCounts().get(kind)).isPositive();
    }

    @Test
    void randomBytesCloseTheConnection() throws Exception {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        try (RawPeer p = RawPeer.connect(victimSocket)) {
            p.write(junk);

            assertThat(p.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void truncatedHandshakeTimesOut() throws Exception {
        try (RawPeer p = RawPeer.connect(victimSocket)) {
            p.selectNoise();
            p.sendPartialMessage1(10);

            assertThat(p.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertFault(FaultKind.TIMEOUT);
    }

    @Test
    void forgedNoiseSignatureIsRefused() throws Exception {
        try (RawPeer p = RawPeer.connect(victimSocket)) {
            p.selectNoise();
            p.handshake(Identity.generate(new SecureRandom()), true);

            assertThat(p.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertFault(FaultKind.BAD_SIGNATURE);
    }

    @Test
    void dialledPeerWithAnotherIdIsRefusedByTheDialler() throws Exception {
        Host dialler = Host.create(HostConfig.of(Identity.generate(new SecureRandom())));
        try {
            Multiaddr wrong =
                    victimAddr.withPeerId(Identity.generate(new SecureRandom()).peerId());

            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
                    ExecutionException.class, () -> dialler.dial(wrong).get(5, TimeUnit.SECONDS));

            assertThat(e.getCause()).isInstanceOf(PeerFault.class);
            assertThat(((PeerFault) e.getCause()).kind()).isEqualTo(FaultKind.WRONG_PEER_ID);
            assertThat(dialler.faultCounts().get(FaultKind.WRONG_PEER_ID)).isEqualTo(1);
            assertThat(dialler.connections()).isEmpty();
        } finally {
            dialler.close();
        }
    }

    @Test
    void oversizedYamuxFrameIsRefused() throws Exception {
        try (RawPeer p = RawPeer.connect(victimSocket)) {
            p.selectNoise();
            p.handshake(Identity.generate(new SecureRandom()), false);
            p.sendEncrypted(header(0, 0x1, 1, 64 << 20));

            assertThat(p.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertFault(FaultKind.FRAME_TOO_LARGE);
    }

    @Test
    void windowViolationIsRefused() throws Exception {
        int len = WireLimits.INITIAL_WINDOW + 4096;
        ByteBuf frames = Unpooled.buffer().writeBytes(header(1, 0x1, 1, 0)).writeBytes(header(0, 0, 1, len));
        frames.writeZero(len);
        byte[] bytes = new byte[frames.readableBytes()];
        frames.readBytes(bytes);
        try (RawPeer p = RawPeer.connect(victimSocket)) {
            p.selectNoise();
            p.handshake(Identity.generate(new SecureRandom()), false);
            p.sendEncrypted(bytes);

            assertThat(p.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertFault(FaultKind.PROTOCOL_VIOLATION);
    }

    @Test
    void streamFloodIsRefused() throws Exception {
        ByteBuf frames = Unpooled.buffer();
        for (int i = 0; i <= MAX_STREAMS; i++) {
            frames.writeBytes(header(1, 0x1, 2 * i + 1, 0));
        }
        byte[] bytes = new byte[frames.readableBytes()];
        frames.readBytes(bytes);
        try (RawPeer p = RawPeer.connect(victimSocket)) {
            p.selectNoise();
            p.handshake(Identity.generate(new SecureRandom()), false);
            p.sendEncrypted(bytes);

            assertThat(p.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertFault(FaultKind.RATE_LIMIT);
    }

    private static byte[] header(int type, int flags, int stream, long length) {
        ByteBuf b = Unpooled.buffer(12);
        b.writeByte(0).writeByte(type).writeShort(flags).writeInt(stream).writeInt((int) length);
        return b.array();
    }
}
