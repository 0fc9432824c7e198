package io.fedp2p.gossip.peers;

import io.fedp2p.gossip.clock.Clock;
import io.fedp2p.gossip.host.Connection;
import io.fedp2p.gossip.host.ConnectionListener;
import io.fedp2p.gossip.host.Host;
import io.fedp2p.gossip.host.IdentifyInfo;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.pex.PeerExchange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a libp2p node's gossip neighbours between the target and the maximum degree: dials bootstrap, stored and
 * peer-exchange peers with exponential backoff, closes the newest connections beyond the maximum, and in fixed
 * topology mode talks to exactly the configured peers. A neighbour is a connected, not banned peer whose identify
 * lists the gossip protocol. Host events are moved to the clock thread; everything else runs there.
 */
public final class NeighbourManager {
    private static final Logger log = LoggerFactory.getLogger(NeighbourManager.class);

    /** Told of neighbour changes, on the clock thread. */
    public interface Listener {
        void neighbourUp(PeerId peer);

        void neighbourDown(PeerId peer);
    }

    private static final class BootTarget {
        final Multiaddr addr;
        int failures;
        long nextDialNanos;
        boolean dialing;
        PeerId peer;

        BootTarget(Multiaddr addr) {
            this.addr = addr;
        }
    }

    private final Host host;
    private final Clock clock;
    private final NeighbourConfig config;
    private final PeerStore store;
    private final Predicate<PeerId> banned;
    private final String gossipProtocol;
    private final PeerExchange pex;
    private final Listener listener;
    private final List<BootTarget> bootTargets = new ArrayList<>();
    private final TreeMap<PeerId, Long> neighbours = new TreeMap<>();
    /** When each open connection came, on the clock: how long it lasted decides the peer's dial backoff. */
    private final IdentityHashMap<Connection, Long> openedAt = new IdentityHashMap<>();

    private final TreeSet<PeerId> dialing = new TreeSet<>();
    private volatile List<PeerExchange.PeerInfo> shareable = List.of();
    private long nextPexNanos;
    private int pexCursor;
    private boolean stopped;

    public NeighbourManager(
            Host host,
            Clock clock,
            NeighbourConfig config,
            PeerStore store,
            Predicate<PeerId> banned,
            String gossipProtocol,
            PeerExchange pex,
            Listener listener) {
        this.host = host;
        this.clock = clock;
        this.config = config;
        this.store = store;
        this.banned = banned;
        this.gossipProtocol = gossipProtocol;
        this.pex = pex;
        this.listener = listener;
        for (Multiaddr a : config.bootstrap()) {
            if (a.peerId().isPresent()) store.learn(a.peerId().get(), List.of(a), PeerStore.Source.BOOTSTRAP);
            else bootTargets.add(new BootTarget(a));
        }
        config.fixedPeers().forEach((p, addrs) -> store.learn(p, addrs, PeerStore.Source.TOPOLOGY));
    }

    /** Starts watching connections and maintaining the degree. */
    public void start() {
        host.addConnectionListener(new ConnectionListener() {
            @Override
            public void onConnected(Connection c) {
                clock.execute(() -> openedAt.put(c, clock.nanos()));
                c.identify()
                        .whenComplete((info, e) -> clock.execute(() -> {
                            if (e != null) {
                                identifyFailed(c, e);
                            } else {
                                identified(c, info);
                            }
                        }));
            }

            @Override
            public void onDisconnected(Connection c) {
                clock.execute(() -> disconnected(c));
            }
        });
        clock.execute(this::tick);
    }

    public void stop() {
        stopped = true;
    }

    /** Current neighbours, in id order. */
    public SortedSet<PeerId> neighbours() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(neighbours.keySet()));
    }

    /** What peer exchange shares (called on event loops). */
    public List<PeerExchange.PeerInfo> shareable(PeerId requester, int max) {
        List<PeerExchange.PeerInfo> s = shareable;
        return s.size() > max ? s.subList(0, max) : s;
    }

    /** Drops a peer at once (after a ban); the host closes its connections. */
    public void remove(PeerId peer) {
        if (neighbours.remove(peer) != null) {
            listener.neighbourDown(peer);
            refreshShareable();
        }
    }

    private void identified(Connection c, IdentifyInfo info) {
        PeerId p = c.remotePeer();
        if (stopped || !c.isOpen() || banned.test(p)) return;
        if (info == null) return;
        if (!info.protocols().contains(gossipProtocol)) {
            if (expected(p)) {
                // A peer we were told to gossip with may answer identify before its gossip handler is registered
                // (it listens first, then starts): close, so that the dial loop asks again after a backoff.
                log.info("closing connection of {}: it does not serve {} (yet)", p, gossipProtocol);
                c.close();
            }
            return;
        }
        if (config.fixedTopology() && !config.fixedPeers().containsKey(p)) {
            log.info("closing connection of {}: not in the fixed topology", p);
            host.disconnect(p);
            return;
        }
        store.learn(p, dialable(info.listenAddrs(), c.remoteAddr()), PeerStore.Source.INBOUND);
        if (!neighbours.containsKey(p)) {
            neighbours.put(p, clock.nanos());
            listener.neighbourUp(p);
            refreshShareable();
        }
        if (neighbours.size() > config.maxDegree()) prune();
    }

    /**
     * A connection whose identify failed (timeout, reset, bad message) can never become a neighbour, and while it is
     * open the peer is not dialled again: close it, so that the dial loop retries the peer with backoff.
     */
    private void identifyFailed(Connection c, Throwable e) {
        if (stopped || !c.isOpen()) return;
        log.info("closing connection of {}: identify failed ({})", c.remotePeer(), rootMessage(e));
        c.close();
    }

    /** A peer of the fixed topology or a bootstrap peer named by id: one this node is meant to gossip with. */
    private boolean expected(PeerId p) {
        if (config.fixedPeers().containsKey(p)) return true;
        for (Multiaddr a : config.bootstrap()) if (a.peerId().filter(p::equals).isPresent()) return true;
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    /**
     * When a peer's last connection closes soon after it opened (fedp2p design: within ten first-backoff periods),
     * that counts as a failed dial: a peer that accepts the connection and then refuses us (we are not in its fixed
     * topology, it is full, it bans us, its identify fails) is retried with growing backoff rather than on every tick.
     * A connection that lasted resets the backoff, so a long-lived neighbour that restarts is dialled again at once.
     */
    private void disconnected(Connection c) {
        PeerId p = c.remotePeer();
        Long opened = openedAt.remove(c);
        if (!host.connections(p).isEmpty()) return;
        long now = clock.nanos();
        if (opened != null && now - opened < 10 * config.dialBackoff().toNanos()) {
            store.dialFailed(p, now, config.dialBackoff(), config.maxBackoff());
        } else {
            store.dialSucceeded(p);
        }
        if (neighbours.remove(p) != null) {
            listener.neighbourDown(p);
            refreshShareable();
        }
    }

    /** Listen addresses with the unspecified IP (0.0.0.0, ::) replaced by the IP the connection came from. */
    static List<Multiaddr> dialable(List<Multiaddr> listen, Multiaddr remote) {
        List<Multiaddr> out = new ArrayList<>();
        for (Multiaddr a : listen) {
            String text = a.withoutPeerId().toString();
            if (text.startsWith("/ip4/0.0.0.0/") || text.startsWith("/ip6/::/")) {
                String port = text.substring(text.lastIndexOf('/') + 1);
                String host = remote.components().get(0).text();
                String proto = remote.components().get(0).protocol().name().toLowerCase(java.util.Locale.ROOT);
                out.add(Multiaddr.parse("/" + proto + "/" + host + "/tcp/" + port));
            } else {
                out.add(a.withoutPeerId());
            }
        }
        return out;
    }

    private void tick() {
        if (stopped) return;
        long now = clock.nanos();
        int missing = (config.fixedTopology() ? config.fixedPeers().size() : config.targetDegree())
                - neighbours.size()
                - dialing.size();
        if (missing > 0) {
            Predicate<PeerId> skip = p -> p.equals(host.peerId())
                    || neighbours.containsKey(p)
                    || dialing.contains(p)
                    || banned.test(p)
                    || (config.fixedTopology() && !config.fixedPeers().containsKey(p));
            for (PeerId p : store.dialCandidates(now, skip, missing)) dial(p);
            if (!config.fixedTopology()) dialBootTargets(now);
        }
        if (config.pex() && neighbours.size() < config.targetDegree() && now >= nextPexNanos && !neighbours.isEmpty()) {
            nextPexNanos = now + config.pexInterval().toNanos();
            askForPeers();
        }
        if (neighbours.size() > config.maxDegree()) prune();
        clock.schedule(config.tick(), this::tick);
    }

    private void dial(PeerId p) {
        dialing.add(p);
        dialAddrs(p, store.addrs(p), 0)
                .whenComplete((c, e) -> clock.execute(() -> {
                    dialing.remove(p);
                    // a successful dial keeps the backoff: the connection must also last (see disconnected)
                    if (e != null) {
                        store.dialFailed(p, clock.nanos(), config.dialBackoff(), config.maxBackoff());
                        log.debug("dial {} failed: {}", p, e.getMessage());
                    }
                }));
    }

    private CompletableFuture<Connection> dialAddrs(PeerId p, List<Multiaddr> addrs, int i) {
        if (i >= addrs.size()) return CompletableFuture.failedFuture(new IllegalStateException("no address of " + p));
        return host.dial(addrs.get(i).withPeerId(p))
                .handle((c, e) -> e == null ? CompletableFuture.completedFuture(c) : dialAddrs(p, addrs, i + 1))
                .thenCompose(f -> f);
    }

    private void dialBootTargets(long now) {
        for (BootTarget b : bootTargets) {
            if (b.dialing || b.nextDialNanos > now) continue;
            if (b.peer != null
                    && (neighbours.containsKey(b.peer)
                            || !host.connections(b.peer).isEmpty())) continue;
            b.dialing = true;
            host.dial(b.addr)
                    .whenComplete((c, e) -> clock.execute(() -> {
                        b.dialing = false;
                        if (e == null) {
                            b.failures = 0;
                            b.peer = c.remotePeer();
                            // known by id from now on: the store dials it, reusing connections; this is a fallback
                            b.nextDialNanos =
                                    clock.nanos() + config.maxBackoff().toNanos();
                            store.learn(c.remotePeer(), List.of(b.addr), PeerStore.Source.BOOTSTRAP);
                        } else {
                            b.failures = Math.min(b.failures + 1, 20);
                            b.nextDialNanos = clock.nanos()
                                    + Math.min(
                                            config.maxBackoff().toNanos(),
                                            config.dialBackoff().toNanos() << (b.failures - 1));
                            log.debug("bootstrap {} failed: {}", b.addr, e.getMessage());
                        }
                    }));
        }
    }

    private void askForPeers() {
        List<PeerId> ns = new ArrayList<>(neighbours.keySet());
        PeerId from = ns.get(Math.floorMod(pexCursor++, ns.size()));
        pex.request(from, 16, Duration.ofSeconds(10))
                .whenComplete((peers, e) -> clock.execute(() -> {
                    if (e != null) {
                        log.debug("peer exchange with {} failed: {}", from, e.getMessage());
                        return;
                    }
                    for (PeerExchange.PeerInfo info : peers) {
                        if (!info.peer().equals(host.peerId()) && !banned.test(info.peer())) {
                            store.learn(info.peer(), info.addrs(), PeerStore.Source.PEX);
                        }
                    }
                }));
    }

    private void prune() {
        List<PeerId> byAge = new ArrayList<>(neighbours.keySet());
        byAge.sort((a, b) -> {
            int c = Long.compare(neighbours.get(b), neighbours.get(a));
            return c != 0 ? c : b.compareTo(a);
        });
        int extra = neighbours.size() - config.maxDegree();
        for (PeerId p : byAge.subList(0, extra)) {
            log.info("closing connection of {}: above the maximum degree {}", p, config.maxDegree());
            neighbours.remove(p);
            listener.neighbourDown(p);
            host.disconnect(p);
        }
        refreshShareable();
    }

    private void refreshShareable() {
        List<PeerExchange.PeerInfo> out = new ArrayList<>();
        for (PeerId p : neighbours.keySet()) {
            List<Multiaddr> a = store.addrs(p);
            if (!a.isEmpty()) out.add(new PeerExchange.PeerInfo(p, a));
        }
        shareable = List.copyOf(out);
    }
}
