package io.fedp2p.gossip.transport;

import io.fedp2p.gossip.identity.PeerId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One latency, one bandwidth and one loss probability for every directed link. Messages on a link queue behind each
 * other (first in, first out): delivery = max(now, link free) + bytes / bandwidth + latency. Loss draws come from the
 * given generator in send order. Not thread-safe (clock thread only).
 */
public final class SimpleLinkModel implements LinkModel {
    private record Link(PeerId from, PeerId to) {}

    private final long latencyNanos;
    private final double bytesPerSecond;
    private final double lossProbability;
    private final RandomGenerator rng;
    private final Map<Link, Long> freeAt = new HashMap<>();

    /**
     * @param bytesPerSecond link bandwidth, {@code Double.POSITIVE_INFINITY} for none
     * @param lossProbability in [0, 1)
     * @param rng loss draws (unused when the probability is 0)
     */
    public SimpleLinkModel(Duration latency, double bytesPerSecond, double lossProbability, RandomGenerator rng) {
        if (latency.isNegative()) throw new IllegalArgumentException("negative latency");
        if (!(bytesPerSecond > 0)) throw new IllegalArgumentException("bandwidth must be > 0");
        if (!(lossProbability >= 0 && lossProbability < 1)) throw new IllegalArgumentException("loss in [0, 1)");
        this.latencyNanos = latency.toNanos();
        this.bytesPerSecond = bytesPerSecond;
        this.lossProbability = lossProbability;
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    @Override
    public long delayNanos(PeerId from, PeerId to, long bytes, long nowNanos) {
        if (lossProbability > 0 && rng.nextDouble() < lossProbability) return -1;
        Link link = new Link(from, to);
        long start = Math.max(nowNanos, freeAt.getOrDefault(link, 0L));
        long transfer = Double.isInfinite(bytesPerSecond) ? 0 : (long) Math.ceil(bytes * 1e9 / bytesPerSecond);
        freeAt.put(link, start + transfer);
        return start + transfer + latencyNanos - nowNanos;
    }
}
