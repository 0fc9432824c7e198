package io.fedp2p.examples.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.fedp2p.gossip.clock.WallClock;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.host.HostConfig;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.peers.BanList;
import io.fedp2p.gossip.peers.NeighbourConfig;
import io.fedp2p.gossip.peers.PeerScorer;
import io.fedp2p.gossip.peers.PeerStore;
import io.fedp2p.gossip.protocol.ContentCodec;
import io.fedp2p.gossip.protocol.EquivocationProof;
import io.fedp2p.gossip.protocol.GossipConfig;
import io.fedp2p.gossip.protocol.GossipInbox;
import io.fedp2p.gossip.protocol.GossipService;
import io.fedp2p.gossip.protocol.MessageHeader;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.gossip.protocol.PayloadEncoding;
import io.fedp2p.gossip.protocol.SignedHeader;
import io.fedp2p.gossip.transport.Libp2pTransport;
import io.fedp2p.gossip.transport.TransportListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Wire-level Byzantine behaviour over real libp2p connections (TCP, Noise, yamux) on loopback. An honest receiver H
 * hears an honest sender S and a rogue R. R speaks the gossip protocol itself, past every safety rail of its own
 * transport: it forges S's signature, sends a bad signature, replays its own old message, announces an oversized
 * message, sends content that does not match its signed hash, floods H with streams, and equivocates. Every one of
 * these must be rejected (a fault reported, or for equivocation a proof and a ban), nothing forged may be delivered,
 * and H must receive from S exactly what it receives in the same run without R's misbehaviour: the honest result is
 * untouched. One misbehaviour per run, so that an early ban does not hide the later ones.
 */
class WireAttacksIT {
    /** One misbehaviour of the rogue per run. */
    enum WireAttack {
        FORGED_SENDER,
        BAD_SIGNATURE,
        REPLAY,
        OVERSIZED,
        MALFORMED_CONTENT,
        FLOOD,
        EQUIVOCATION
    }

    private static final ByteString HASH = GossipConfig.sha256("wire-it");
    private static final int D = 64;
    private static final long MAX_CONTENT = 16 * 1024;
    private static final int ROUNDS = 3;

    private final List<WallClock> clocks = new ArrayList<>();
    private final List<Libp2pTransport> transports = new ArrayList<>();

    /** What H saw. */
    static final class Seen implements TransportListener {
        final List<String> messages = new CopyOnWriteArrayList<>();
        final List<FaultKind> faults = new CopyOnWriteArrayList<>();
        final List<EquivocationProof> proofs = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(PeerId from, ModelMessage m) {
            messages.add(from + " r" + m.round() + " q" + m.step() + " " + Arrays.toString(m.theta()));
        }

        @Override
        public void onEquivocation(EquivocationProof proof) {
            proofs.add(proof);
        }

        @Override
        public void onFault(PeerId peer, FaultKind kind, String detail) {
            faults.add(kind);
        }

        List<String> from(PeerId p) {
            return messages.stream().filter(s -> s.startsWith(p.toString())).toList();
        }
    }

    private record Node(WallClock clock, Libp2pTransport transport, Multiaddr addr) {
        void run(Runnable r) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            clock.execute(() -> {
                r.run();
                f.complete(null);
            });
            f.orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    static GossipConfig config() {
        return GossipConfig.defaults("wire-it", HASH, HASH, D).withMaxContentBytes(MAX_CONTENT);
    }

    private Node start(int seed, List<Multiaddr> bootstrap, TransportListener listener) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) seed);
        WallClock clock = new WallClock("wire-it-" + seed);
        clocks.add(clock);
        Libp2pTransport t = Libp2pTransport.create(
                HostConfig.of(Identity.fromSeed(s)).withIoThreads(1),
                clock,
                new Libp2pTransport.Options(
                        config(),
                        NeighbourConfig.defaults(bootstrap).withDegrees(2, 4),
                        PeerScorer.Policy.defaults(),
                        Duration.ofHours(1)),
                new PeerStore(64, 4),
                new BanList());
        transports.add(t);
        Multiaddr addr = t.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).join();
        clock.execute(() -> t.start(listener));
        return new Node(clock, t, addr);
    }

    @AfterEach
    void stop() {
        stopAll();
    }

    private void stopAll() {
        transports.forEach(Libp2pTransport::close);
        clocks.forEach(WallClock::close);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            LockSupport.parkNanos(20_000_000L);
        }
    }

    static float[] vector(int who, long round, int step) {
        float[] v = new float[D];
        for (int i = 0; i < D; i++) v[i] = (float) Math.sin(1 + who * 1000 + round * 100 + step * 10 + i);
        return v;
    }

    /** S's and R's honest messages for rounds 0..ROUNDS−1, steps 0..1; R misbehaves in between when asked. */
    private List<String> run(WireAttack attack, Seen[] rogueSeen) throws Exception {
        Seen seen = new Seen();
        Node h = start(1, List.of(), seen);
        Node s = start(2, List.of(h.addr()), new Seen());
        Node r = start(3, List.of(h.addr()), new Seen());
        PeerId ph = h.transport().localPeer();
        await("H hears S and R", () -> h.transport().neighbours().size() == 2);
        Rogue rogue = new Rogue(r, s.transport().localPeer(), ph);
        for (long t = 0; t < ROUNDS; t++) {
            for (int q = 0; q < 2; q++) {
                ModelMessage ms = q == 0
                        ? ModelMessage.withDelta(t, q, 2, vector(2, t, q), vector(2, t, 9), 0)
                        : ModelMessage.of(t, q, 2, vector(2, t, q));
                s.run(() -> s.transport().send(List.of(ph), ms));
                ModelMessage mr = ModelMessage.of(t, q, 2, vector(3, t, q));
                r.run(() -> r.transport().send(List.of(ph), mr));
                long tt = t;
                int qq = q;
                await(
                        "round " + t + " step " + q + " from S",
                        () -> seen.from(s.transport().localPeer()).stream()
                                .anyMatch(m -> m.contains(" r" + tt + " q" + qq + " ")));
                if (attack != null && t == 1 && q == 0) rogue.misbehave(attack);
            }
        }
        if (attack == WireAttack.EQUIVOCATION) {
            await("H proves R's equivocation", () -> !seen.proofs.isEmpty());
            await("H bans R", () -> h.transport().isBanned(r.transport().localPeer()));
        } else if (attack != null && attack != WireAttack.REPLAY) {
            await("H reports R's " + attack, () -> !seen.faults.isEmpty());
        }
        rogueSeen[0] = seen;
        List<String> fromS = seen.from(s.transport().localPeer());
        stopAll();
        transports.clear();
        clocks.clear();
        return fromS;
    }

    private static List<String> clean;

    private synchronized List<String> clean() throws Exception {
        if (clean == null) {
            Seen[] c = new Seen[1];
            clean = run(null, c);
            assertThat(c[0].faults).as("no fault without the attack").isEmpty();
            assertThat(clean).hasSize(2 * ROUNDS);
        }
        return clean;
    }

    @ParameterizedTest
    @EnumSource(WireAttack.class)
    void theAttackIsRejectedAndTheHonestSendersMessagesArriveAsWithoutIt(WireAttack attack) throws Exception {
        List<String> withoutAttack = clean();
        Seen[] attacked = new Seen[1];
        List<String> withAttack = run(attack, attacked);
        Seen a = attacked[0];
        System.out.println(attack + ": faults " + a.faults + ", proofs " + a.proofs.size());
        assertThat(withAttack).as("S's messages at H").isEqualTo(withoutAttack);
        for (String m : a.messages) {
            assertThat(m).as("nothing forged is delivered").doesNotContain(Arrays.toString(Rogue.FORGED));
        }
        if (attack == WireAttack.EQUIVOCATION) {
            assertThat(a.proofs).isNotEmpty().allSatisfy(p -> assertThat(p.verifies())
                    .isTrue());
        } else if (attack == WireAttack.REPLAY) {
            // a replay is not a fault (an honest message can arrive twice); it must simply not be delivered again
            long delivered = a.messages.stream()
                    .filter(m -> m.contains(" r0 q0 " + Arrays.toString(vector(3, 0, 0))))
                    .count();
            assertThat(delivered).as("R's round-0 message delivered once").isEqualTo(1);
        } else {
            assertThat(a.faults).isNotEmpty();
        }
    }

    /** R's own gossip service: it sends whatever headers and bytes it likes. */
    static final class Rogue {
        static final float[] FORGED = new float[D];

        static {
            Arrays.fill(FORGED, 7f);
        }

        private final Node r;
        private final PeerId victimOfForgery;
        private final PeerId target;
        private final GossipService raw;
        private final GossipInbox inbox;

        Rogue(Node r, PeerId honest, PeerId target) {
            this.r = r;
            this.victimOfForgery = honest;
            this.target = target;
            this.inbox = new GossipInbox(r.transport().localPeer(), config());
            this.raw = new GossipService(r.transport().host(), inbox, r.clock(), new GossipService.Listener() {
                @Override
                public void onMessage(PeerId from, ModelMessage message, SignedHeader header) {}

                @Override
                public void onEquivocation(EquivocationProof proof) {}
            });
        }

        /** Signs with R's key whatever sender the header names (SignedHeader.sign refuses that: R does it by hand). */
        private SignedHeader signed(MessageHeader h) {
            ByteString bytes = h.toBytes();
            byte[] toSign = new byte[SignedHeader.DOMAIN.length + bytes.size()];
            System.arraycopy(SignedHeader.DOMAIN, 0, toSign, 0, SignedHeader.DOMAIN.length);
            bytes.copyTo(toSign, SignedHeader.DOMAIN.length);
            return new SignedHeader(
                    bytes, ByteString.copyFrom(r.transport().host().identity().sign(toSign)), h);
        }

        private static byte[] content(ModelMessage m) {
            return ContentCodec.encode(m, PayloadEncoding.FLOAT32);
        }

        private MessageHeader header(PeerId sender, ModelMessage m, byte[] content) {
            MessageHeader mine =
                    inbox.header(target, m, ByteString.copyFrom(GossipConfig.sha256Bytes(content)), content.length);
            return new MessageHeader(
                    mine.networkId(),
                    sender,
                    mine.recipient(),
                    mine.round(),
                    mine.step(),
                    mine.degree(),
                    mine.adapterSpecHash(),
                    mine.backboneHash(),
                    mine.contentHash(),
                    mine.contentLength());
        }

        private void send(SignedHeader h, byte[] content) {
            try {
                raw.send(target, h, content).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the receiver may reset the stream: that is the point
            }
        }

        /** One misbehaviour, right after R's honest message of round 1, step 0. */
        void misbehave(WireAttack attack) {
            PeerId me = r.transport().localPeer();
            ModelMessage forged = ModelMessage.of(1, 1, 2, FORGED);
            byte[] c = content(forged);
            switch (attack) {
                case FORGED_SENDER -> send(signed(header(victimOfForgery, forged, c)), c); // claims to be S
                case BAD_SIGNATURE -> {
                    SignedHeader good = signed(header(me, forged, c));
                    byte[] sig = good.signature().toByteArray();
                    sig[0] ^= 1;
                    send(new SignedHeader(good.bytes(), ByteString.copyFrom(sig), good.header()), c);
                }
                case REPLAY -> { // R's round-0 message again, byte for byte, after round 1 began
                    ModelMessage old = ModelMessage.of(0, 0, 2, vector(3, 0, 0));
                    byte[] oc = content(old);
                    send(signed(header(me, old, oc)), oc);
                }
                case OVERSIZED -> {
                    MessageHeader h = header(me, forged, c);
                    send(
                            signed(new MessageHeader(
                                    h.networkId(),
                                    h.sender(),
                                    h.recipient(),
                                    h.round(),
                                    h.step(),
                                    h.degree(),
                                    h.adapterSpecHash(),
                                    h.backboneHash(),
                                    h.contentHash(),
                                    MAX_CONTENT * 4)),
                            c);
                }
                case MALFORMED_CONTENT -> { // content that does not match its signed hash
                    byte[] bad = c.clone();
                    bad[bad.length - 1] ^= 0x55;
                    send(signed(header(me, forged, c)), bad);
                }
                case FLOOD -> {
                    List<CompletableFuture<Void>> flood = new ArrayList<>();
                    // 200 streams at once carrying R's own next message (valid, so only the flood is at fault)
                    ModelMessage next = ModelMessage.of(1, 1, 2, vector(3, 1, 1));
                    byte[] nc = content(next);
                    SignedHeader nh = signed(header(me, next, nc));
                    for (int i = 0; i < 200; i++) flood.add(raw.send(target, nh, nc));
                    for (CompletableFuture<Void> f : flood) {
                        try {
                            f.get(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            // reset or refused
                        }
                    }
                }
                case EQUIVOCATION -> { // a second, different signed message for round 1, step 0
                    float[] v = vector(3, 1, 0);
                    v[0] += 1;
                    ModelMessage m = ModelMessage.of(1, 0, 2, v);
                    byte[] mc = content(m);
                    send(signed(header(me, m, mc)), mc);
                }
            }
        }
    }
}
