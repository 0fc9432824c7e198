package io.fedp2p.gossip.peers;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The peers a node knows, with where they listen, how it learned of them, and its dial backoff. Bounded: at most
 * {@code maxPeers} peers (the ones learned by peer exchange with the most dial failures go first) and {@code maxAddrs}
 * addresses each. Not thread-safe: clock thread only.
 */
public final class PeerStore {
    /** How a peer became known; earlier constants are preferred when dialing. */
    public enum Source {
        TOPOLOGY,
        BOOTSTRAP,
        INBOUND,
        PEX
    }

    /** A persisted peer. */
    public record Record(PeerId peer, List<Multiaddr> addrs, Source source) {
        public Record {
            Objects.requireNonNull(peer, "peer");
            addrs = List.copyOf(addrs);
            Objects.requireNonNull(source, "source");
        }
    }

    private static final class Entry {
        final LinkedHashSet<Multiaddr> addrs = new LinkedHashSet<>();
        Source source;
        int failures;
        long nextDialNanos;

        Entry(Source source) {
            this.source = source;
        }
    }

    private final int maxPeers;
    private final int maxAddrs;
    private final TreeMap<PeerId, Entry> peers = new TreeMap<>();

    public PeerStore(int maxPeers, int maxAddrs) {
        if (maxPeers < 1 || maxAddrs < 1) throw new IllegalArgumentException("maxPeers and maxAddrs must be >= 1");
        this.maxPeers = maxPeers;
        this.maxAddrs = maxAddrs;
    }

    /** Adds addresses (without {@code /p2p}) for {@code peer}; a better source replaces a worse one. */
    public void learn(PeerId peer, List<Multiaddr> addrs, Source source) {
        Entry e = peers.get(peer);
        if (e == null) {
            if (peers.size() >= maxPeers && !evictFor(source)) return;
            e = new Entry(source);
            peers.put(peer, e);
        } else if (source.ordinal() < e.source.ordinal()) {
            e.source = source;
        }
        for (Multiaddr a : addrs) {
            if (e.addrs.size() >= maxAddrs) break;
            e.addrs.add(a.withoutPeerId());
        }
    }

    private boolean evictFor(Source incoming) {
        PeerId worst = null;
        int worstFailures = -1;
        for (Map.Entry<PeerId, Entry> x : peers.entrySet()) {
            if (x.getValue().source == Source.PEX && x.getValue().failures > worstFailures) {
                worst = x.getKey();
                worstFailures = x.getValue().failures;
            }
        }
        if (worst == null || (incoming == Source.PEX && worstFailures == 0)) return false;
        peers.remove(worst);
        return true;
    }

    public boolean knows(PeerId peer) {
        return peers.containsKey(peer);
    }

    public List<Multiaddr> addrs(PeerId peer) {
        Entry e = peers.get(peer);
        return e == null ? List.of() : List.copyOf(e.addrs);
    }

    /**
     * Peers worth dialing now, best first: due (backoff over), not excluded, with an address; ordered by source,
     * then fewest failures, then peer id.
     */
    public List<PeerId> dialCandidates(long nowNanos, Predicate<PeerId> exclude, int max) {
        List<PeerId> out = new ArrayList<>();
        for (Map.Entry<PeerId, Entry> x : peers.entrySet()) {
            Entry e = x.getValue();
            if (e.addrs.isEmpty() || e.nextDialNanos > nowNanos || exclude.test(x.getKey())) continue;
            out.add(x.getKey());
        }
        out.sort(Comparator.<PeerId>comparingInt(p -> peers.get(p).source.ordinal())
                .thenComparingInt(p -> peers.get(p).failures)
                .thenComparing(Comparator.naturalOrder()));
        return out.size() > max ? out.subList(0, max) : out;
    }

    /** Exponential backoff: the next dial waits {@code base·2^(failures−1)}, at most {@code max}. */
    public void dialFailed(PeerId peer, long nowNanos, Duration base, Duration max) {
        Entry e = peers.get(peer);
        if (e == null) return;
        e.failures = Math.min(e.failures + 1, 30);
        long wait = Math.min(max.toNanos(), base.toNanos() << Math.min(e.failures - 1, 20));
        e.nextDialNanos = nowNanos + wait;
    }

    public void dialSucceeded(PeerId peer) {
        Entry e = peers.get(peer);
        if (e != null) {
            e.failures = 0;
            e.nextDialNanos = 0;
        }
    }

    public int failures(PeerId peer) {
        Entry e = peers.get(peer);
        return e == null ? 0 : e.failures;
    }

    public int size() {
        return peers.size();
    }

    /** Every peer, in id order, for checkpoints and status pages. */
    public List<Record> snapshot() {
        List<Record> out = new ArrayList<>();
        peers.forEach((p, e) -> out.add(new Record(p, List.copyOf(e.addrs), e.source)));
        return out;
    }

    /** Restores a snapshot (backoff starts afresh). */
    public void restore(List<Record> records) {
        for (Record r : records) learn(r.peer(), r.addrs(), r.source());
    }
}
