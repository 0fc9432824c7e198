package io.fedp2p.gossip.transport;

import com.google.protobuf.ByteString;
import io.fedp2p.gossip.clock.Clock;
import io.fedp2p.gossip.fault.FaultEvent;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.host.Host;
import io.fedp2p.gossip.host.HostConfig;
import io.fedp2p.gossip.host.TrafficStats;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.peers.Ban;
import io.fedp2p.gossip.peers.BanList;
import io.fedp2p.gossip.peers.NeighbourConfig;
import io.fedp2p.gossip.peers.NeighbourManager;
import io.fedp2p.gossip.peers.PeerScorer;
import io.fedp2p.gossip.peers.PeerStore;
import io.fedp2p.gossip.peers.RateLimiter;
import io.fedp2p.gossip.pex.PeerExchange;
import io.fedp2p.gossip.protocol.ContentCodec;
import io.fedp2p.gossip.protocol.EquivocationProof;
import io.fedp2p.gossip.protocol.GossipConfig;
import io.fedp2p.gossip.protocol.GossipInbox;
import io.fedp2p.gossip.protocol.GossipService;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.gossip.protocol.SignedHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link GossipTransport} of a real node: a libp2p {@link Host} serving {@code /fedp2p/gossip/1.0.0} ({@link
 * GossipService}) and {@code /fedp2p/pex/1.0.0} ({@link PeerExchange}), a {@link NeighbourManager} for the degree,
 * a {@link PeerScorer} fed by every host fault, and bans with expiry. Netty callbacks are moved onto the {@link
 * Clock}'s event thread, where every method of this class must be called (except {@link #listen} and {@link
 * #close}).
 */
public final class Libp2pTransport implements GossipTransport, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Libp2pTransport.class);
    private static final long EVIDENCE_FLUSH_NANOS = 50_000_000L;

    /** Settings beyond the host's. */
    public record Options(
            GossipConfig gossip, NeighbourConfig neighbours, PeerScorer.Policy scoring, Duration equivocationBan) {
        public Options {
            Objects.requireNonNull(gossip, "gossip");
            Objects.requireNonNull(neighbours, "neighbours");
            Objects.requireNonNull(scoring, "scoring");
            Objects.requireNonNull(equivocationBan, "equivocationBan");
        }
    }

    private final Clock clock;
    private final Options options;
    private final Host host;
    private final GossipInbox inbox;
    private final GossipService gossip;
    private final PeerExchange pex;
    private final NeighbourManager neighbours;
    private final PeerScorer scorer;
    private final BanList bans;
    private final TreeMap<PeerId, List<SignedHeader>> evidenceQueue = new TreeMap<>();
    private boolean flushScheduled;
    private TransportListener listener;

    private Libp2pTransport(HostConfig hostConfig, Clock clock, Options options, PeerStore store, BanList bans) {
        this.clock = clock;
        this.options = options;
        this.bans = bans;
        this.scorer = new PeerScorer(options.scoring());
        this.host = Host.create(hostConfig.withFaultSink(e -> clock.execute(() -> onHostFault(e))));
        this.inbox = new GossipInbox(host.peerId(), options.gossip());
        this.gossip = new GossipService(host, inbox, clock, new GossipService.Listener() {
            @Override
            public void onMessage(PeerId from, ModelMessage message, SignedHeader header) {
                clock.execute(() -> delivered(from, message, header));
            }

            @Override
            public void onEquivocation(EquivocationProof proof) {
                clock.execute(() -> equivocation(proof));
            }
        });
        this.pex = new PeerExchange(host, this::shareable, new RateLimiter(2, 0.1, clock::nanos), 16, 4);
        this.neighbours = new NeighbourManager(
                host,
                clock,
                options.neighbours(),
                store,
                p -> isBanned(p),
                GossipService.ID,
                pex,
                new NeighbourManager.Listener() {
                    @Override
                    public void neighbourUp(PeerId peer) {
                        if (listener != null) listener.onNeighbourUp(peer);
                    }

                    @Override
                    public void neighbourDown(PeerId peer) {
                        if (listener != null) listener.onNeighbourDown(peer);
                    }
                });
    }

    /**
     * Creates the host and the protocols (not yet listening or dialing).
     *
     * @param store known peers (restored from a checkpoint, or empty); used on the clock thread from now on
     * @param bans bans in force (restored, or empty); used on the clock thread from now on
     */
    public static Libp2pTransport create(
            HostConfig hostConfig, Clock clock, Options options, PeerStore store, BanList bans) {
        return new Libp2pTransport(hostConfig, clock, options, store, bans);
    }

    public Host host() {
        return host;
    }

    /** Listens; returns the bound address with {@code /p2p}. Any thread. */
    public CompletableFuture<Multiaddr> listen(Multiaddr addr) {
        return host.listen(addr);
    }

    @Override
    public PeerId localPeer() {
        return host.peerId();
    }

    @Override
    public void start(TransportListener l) {
        if (listener != null) throw new IllegalStateException("already started");
        listener = Objects.requireNonNull(l, "listener");
        bans.snapshot(clock.instant()).forEach((p, b) -> enforce(p, b));
        gossip.start();
        pex.start();
        neighbours.start();
    }

    @Override
    public SortedSet<PeerId> neighbours() {
        TreeSet<PeerId> out = new TreeSet<>(neighbours.neighbours());
        out.removeIf(this::isBanned);
        return out;
    }

    @Override
    public void send(Collection<PeerId> recipients, ModelMessage message) {
        byte[] content = ContentCodec.encode(message, options.gossip().encoding());
        ByteString hash = ByteString.copyFrom(GossipConfig.sha256Bytes(content));
        for (PeerId r : new TreeSet<>(recipients)) {
            SignedHeader h = SignedHeader.sign(host.identity(), inbox.header(r, message, hash, content.length));
            gossip.send(r, h, content).whenComplete((v, e) -> {
                if (e != null)
                    log.debug(
                            "gossip to {} (round {}, step {}) failed: {}",
                            r,
                            message.round(),
                            message.step(),
                            e.getMessage());
            });
        }
    }

    @Override
    public float[] asReceived(float[] v) {
        return options.gossip().encoding().roundTrip(v);
    }

    @Override
    public TrafficStats traffic() {
        long in = 0;
        long out = 0;
        for (TrafficStats t : host.traffic().values()) {
            in += t.bytesIn();
            out += t.bytesOut();
        }
        return new TrafficStats(in, out);
    }

    /** Bytes with each peer ever seen, by peer id. */
    public Map<PeerId, TrafficStats> trafficByPeer() {
        return host.traffic();
    }

    @Override
    public void penalise(PeerId peer, FaultKind kind, String detail) {
        host.reportFault(peer, kind, detail); // reaches onHostFault through the fault sink, like every other fault
    }

    @Override
    public void ban(PeerId peer, String reason, Duration duration) {
        Ban b = bans.ban(peer, reason, duration, clock.instant());
        enforce(peer, b);
    }

    @Override
    public boolean isBanned(PeerId peer) {
        return bans.isBanned(peer, clock.instant());
    }

    /** The ban list (clock thread). */
    public BanList bans() {
        return bans;
    }

    private List<PeerExchange.PeerInfo> shareable(PeerId requester, int max) {
        return neighbours.shareable(requester, max);
    }

    private void enforce(PeerId peer, Ban b) {
        host.ban(peer, b.reason());
        neighbours.remove(peer);
        long wait = Math.max(0, Duration.between(clock.instant(), b.until()).toNanos());
        clock.schedule(wait + 1, () -> {
            if (!isBanned(peer)) {
                host.unban(peer);
                scorer.reset(peer);
                log.info("ban of {} expired", peer);
            }
        });
    }

    private void onHostFault(FaultEvent e) {
        if (e.peer().isEmpty()) return;
        PeerId p = e.peer().get();
        if (listener != null) listener.onFault(p, e.kind(), e.detail());
        if (scorer.penalise(p, e.kind(), clock.nanos()) && !isBanned(p)) {
            ban(
                    p,
                    "score below " + scorer.policy().banThreshold() + " after " + e.kind(),
                    scorer.policy().banDuration());
        }
    }

    private void delivered(PeerId from, ModelMessage m, SignedHeader header) {
        if (listener == null || isBanned(from)) return;
        // fedp2p design: every admitted header is relayed to the other neighbours (batched), so that different
        // contents sent to different recipients meet somewhere and become an equivocation proof
        if (options.gossip().relayEvidence()) {
            for (PeerId n : neighbours.neighbours()) {
                if (!n.equals(from))
                    evidenceQueue.computeIfAbsent(n, k -> new ArrayList<>()).add(header);
            }
            scheduleFlush();
        }
        listener.onMessage(from, m);
    }

    private void scheduleFlush() {
        if (flushScheduled || evidenceQueue.isEmpty()) return;
        flushScheduled = true;
        clock.schedule(EVIDENCE_FLUSH_NANOS, () -> {
            flushScheduled = false;
            int max = options.gossip().maxEvidencePerFrame();
            evidenceQueue.forEach((peer, headers) -> {
                for (int i = 0; i < headers.size(); i += max) {
                    gossip.sendEvidence(peer, headers.subList(i, Math.min(headers.size(), i + max)));
                }
            });
            evidenceQueue.clear();
        });
    }

    private void equivocation(EquivocationProof proof) {
        PeerId offender = proof.offender();
        if (offender.equals(localPeer()) || isBanned(offender)) return;
        log.warn("equivocation by {} in round {} step {}: banned", offender, proof.round(), proof.step());
        ban(offender, "equivocation in round " + proof.round() + " step " + proof.step(), options.equivocationBan());
        if (listener != null) listener.onEquivocation(proof);
        for (PeerId n : neighbours.neighbours()) {
            if (!isBanned(n)) gossip.sendEvidence(n, List.of(proof.first(), proof.second()));
        }
    }

    /** Stops dialing and closes the host (any thread). */
    @Override
    public void close() {
        neighbours.stop();
        host.close();
    }
}
