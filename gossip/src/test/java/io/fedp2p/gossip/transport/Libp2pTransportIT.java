package io.fedp2p.gossip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.fedp2p.gossip.clock.WallClock;
import io.fedp2p.gossip.host.Connection;
import io.fedp2p.gossip.host.ConnectionListener;
import io.fedp2p.gossip.host.Host;
import io.fedp2p.gossip.host.HostConfig;
import io.fedp2p.gossip.host.Stream;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.peers.BanList;
import io.fedp2p.gossip.peers.NeighbourConfig;
import io.fedp2p.gossip.peers.PeerScorer;
import io.fedp2p.gossip.peers.PeerStore;
import io.fedp2p.gossip.protocol.GossipConfig;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.gossip.protocols.Identify;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Three libp2p transports on loopback: bootstrap, peer exchange, chunked delivery, equivocation across recipients. */
class Libp2pTransportIT {
    private static final ByteString H = GossipConfig.sha256("it");
    private static final int D = 1 << 20; // 4 MiB of float32 per vector: many chunks
    private final List<WallClock> clocks = new ArrayList<>();
    private final List<Libp2pTransport> transports = new ArrayList<>();

    private record Node(WallClock clock, Libp2pTransport transport, RecordingListener events, Multiaddr addr) {
        <T> T call(Supplier<T> s) {
            CompletableFuture<T> f = new CompletableFuture<>();
            clock.execute(() -> f.complete(s.get()));
            return f.orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private Node start(int seed, List<Multiaddr> bootstrap) {
        return start(seed, bootstrap, java.util.Map.of());
    }

    private Node start(int seed, List<Multiaddr> bootstrap, java.util.Map<PeerId, List<Multiaddr>> fixed) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) seed);
        WallClock clock = new WallClock("it-node-" + seed);
        clocks.add(clock);
        NeighbourConfig nc = NeighbourConfig.defaults(bootstrap).withDegrees(2, 4);
        nc = new NeighbourConfig(
                nc.bootstrap(),
                2,
                4,
                nc.fixedPeers(),
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                Duration.ofMillis(100),
                true,
                Duration.ofMillis(300));
        if (!fixed.isEmpty()) nc = nc.withFixedPeers(fixed);
        Libp2pTransport t = Libp2pTransport.create(
                HostConfig.of(Identity.fromSeed(s)).withIoThreads(1),
                clock,
                new Libp2pTransport.Options(
                        GossipConfig.defaults("it-net", H, H, D),
                        nc,
                        PeerScorer.Policy.defaults(),
                        Duration.ofHours(1)),
                new PeerStore(64, 4),
                new BanList());
        transports.add(t);
        Multiaddr addr = t.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).join();
        RecordingListener events = new RecordingListener();
        clock.execute(() -> t.start(events));
        return new Node(clock, t, events, addr);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            LockSupport.parkNanos(20_000_000L);
        }
    }

    @AfterEach
    void stop() {
        transports.forEach(Libp2pTransport::close);
        clocks.forEach(WallClock::close);
    }

    /**
     * A fixed-topology peer whose identify fails (here: it resets every identify stream) can never become a
     * neighbour; the connection is closed and the peer dialled again with backoff, instead of being held open and
     * idle forever (which left demo peers waiting for a neighbour that never came).
     */
    @Test
    void aConnectionWhoseIdentifyFailsIsClosedAndThePeerRedialled() {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 9);
        try (Host silent = Host.create(HostConfig.of(Identity.fromSeed(seed)).withIdentifyOnConnect(false))) {
            silent.setStreamHandler(Identify.ID, Stream::reset);
            AtomicInteger connections = new AtomicInteger();
            silent.addConnectionListener(new ConnectionListener() {
                @Override
                public void onConnected(Connection c) {
                    connections.incrementAndGet();
                }
            });
            Multiaddr addr =
                    silent.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).join();
            PeerId silentId = silent.peerId();
            Node a = start(10, List.of(), java.util.Map.of(silentId, List.of(addr)));

            await("a second connection after the first identify failed", () -> connections.get() >= 2);
            assertThat(a.call(() -> a.transport().neighbours())).doesNotContain(silentId);
        }
    }

    /**
     * A fixed-topology peer that answers identify before it serves the gossip protocol (it listens first and starts
     * later) is dialled again until it does, rather than kept as a connection that never becomes a neighbour.
     */
    @Test
    void aFixedPeerThatDoesNotServeGossipYetIsRedialledUntilItDoes() {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 11);
        try (Host early = Host.create(HostConfig.of(Identity.fromSeed(seed)).withIdentifyOnConnect(false))) {
            AtomicInteger connections = new AtomicInteger();
            early.addConnectionListener(new ConnectionListener() {
                @Override
                public void onConnected(Connection c) {
                    connections.incrementAndGet();
                }
            });
            Multiaddr addr =
                    early.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).join();
            Node a = start(12, List.of(), java.util.Map.of(early.peerId(), List.of(addr)));

            await("a second connection after identify lacked the gossip protocol", () -> connections.get() >= 2);
            assertThat(a.call(() -> a.transport().neighbours())).isEmpty();
        }
    }

    @Test
    void nodesFindEachOtherGossipLargeModelsAndBanAnEquivocator() {
        Node a = start(1, List.of());
        Node b = start(2, List.of(a.addr()));
        Node c = start(3, List.of(a.addr().withoutPeerId())); // bootstrap without /p2p: learns the id on connect

        // c reaches degree 2 only through b, which it learns from a by peer exchange
        await(
                "degree 2 everywhere",
                () -> a.call(() -> a.transport().neighbours().size()) == 2
                        && b.call(() -> b.transport().neighbours().size()) == 2
                        && c.call(() -> c.transport().neighbours().size()) == 2);

        float[] big = new float[D];
        for (int i = 0; i < D; i++) big[i] = (float) Math.sin(i);
        PeerId pb = b.transport().localPeer();
        PeerId pc = c.transport().localPeer();
        ModelMessage m = ModelMessage.withDelta(0, 0, 2, big, big, 0.0);
        a.call(() -> {
            a.transport().send(List.of(pb, pc), m);
            return null;
        });
        await(
                "the large message at b and c",
                () -> b.events().messages.size() == 1 && c.events().messages.size() == 1);
        assertThat(b.events().messages.get(0).message()).isEqualTo(m);
        assertThat(c.events().messages.get(0).from()).isEqualTo(a.transport().localPeer());
        assertThat(a.call(() -> a.transport().traffic().bytesOut())).isGreaterThan(2L * 2 * 4 * D);

        // a equivocates: two different vectors for round 1, step 0, one to b and one to c
        a.call(() -> {
            a.transport().send(List.of(pb), ModelMessage.of(1, 0, 2, new float[D]));
            float[] other = new float[D];
            other[0] = 1;
            a.transport().send(List.of(pc), ModelMessage.of(1, 0, 2, other));
            return null;
        });
        PeerId pa = a.transport().localPeer();
        await(
                "b and c ban a",
                () -> b.call(() -> b.transport().isBanned(pa))
                        && c.call(() -> c.transport().isBanned(pa)));
        assertThat(b.events().proofs).isNotEmpty().allSatisfy(p -> assertThat(p.verifies())
                .isTrue());
        await(
                "a has lost its neighbours",
                () -> a.call(() -> a.transport().neighbours().isEmpty()));
    }

    @Test
    void aFixedTopologyConnectsToExactlyTheListedPeers() {
        Node c = start(13, List.of());
        Node a = start(
                11,
                List.of(),
                java.util.Map.of(c.transport().localPeer(), List.of(c.addr().withoutPeerId())));
        Node b = start(12, List.of(a.addr())); // b dials a, which refuses it: b is not in a's topology

        await("a connected to c", () -> a.call(() -> a.transport().neighbours())
                .contains(c.transport().localPeer()));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < until) {
            assertThat(a.call(() -> a.transport().neighbours()))
                    .containsExactly(c.transport().localPeer());
            LockSupport.parkNanos(100_000_000L);
        }
        // b learns each time that a closes on it right after identify; it backs off (200 ms doubling to 2 s here:
        // about five tries in this window) instead of redialling on every 100 ms tick (about thirty)
        long tries =
                b.events().up.stream().filter(a.transport().localPeer()::equals).count();
        assertThat(tries).isBetween(1L, 8L);
    }
}
