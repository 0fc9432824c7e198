package io.fedp2p.gossip.peers;

import io.fedp2p.gossip.identity.PeerId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per peer: {@code capacity} tokens, refilled at {@code perSecond}. Thread-safe (synchronized), so
 * stream handlers on any event loop may ask it. Time comes from the given nanosecond source (a {@link
 * io.fedp2p.gossip.clock.Clock}).
 */
public final class RateLimiter {
    private record Bucket(double tokens, long atNanos) {}

    private final double capacity;
    private final double perSecond;
    private final LongSupplier nanos;
    private final Map<PeerId, Bucket> buckets = new HashMap<>();

    public RateLimiter(double capacity, double perSecond, LongSupplier nanos) {
        if (!(capacity >= 1) || !(perSecond > 0)) throw new IllegalArgumentException("capacity >= 1, rate > 0");
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.nanos = nanos;
    }

    /** Takes {@code cost} tokens from {@code peer}'s bucket; false (and nothing taken) when there are not enough. */
    public synchronized boolean tryAcquire(PeerId peer, double cost) {
        long now = nanos.getAsLong();
        Bucket b = buckets.get(peer);
        double tokens = b == null ? capacity : Math.min(capacity, b.tokens() + (now - b.atNanos()) / 1e9 * perSecond);
        if (tokens < cost) {
            buckets.put(peer, new Bucket(tokens, now));
            return false;
        }
        buckets.put(peer, new Bucket(tokens - cost, now));
        if (buckets.size() > 65536) buckets.values().removeIf(x -> x.tokens() >= capacity);
        return true;
    }
}
