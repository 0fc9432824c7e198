package io.fedp2p.sim.network;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.transport.LinkModel;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.random.RandomGenerator;

/**
 * The {@link LinkModel} of a simulation: per directed link, delivery = max(now, link free) + bytes/bandwidth +
 * latency, and each message is lost with the configured probability. Draws come from one generator in send order
 * (the in-memory network calls this on the clock's thread in send order), so a run is deterministic; the maps are
 * keyed by node indices and only looked up, never iterated. Not thread-safe.
 */
public final class NetworkModel implements LinkModel {
    private final NetworkSettings settings;
    private final ToIntFunction<PeerId> index;
    private final long nodes;
    private final RandomGenerator rng;
    private final LongLongMap freeAt = new LongLongMap();
    private final LongLongMap linkLatency = new LongLongMap();
    private long lost;
    private long delivered;

    /**
     * @param index the node index of a peer (0..nodes−1)
     * @param rng loss and latency draws
     */
    public NetworkModel(NetworkSettings settings, ToIntFunction<PeerId> index, int nodes, RandomGenerator rng) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.index = Objects.requireNonNull(index, "index");
        this.nodes = nodes;
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    @Override
    public long delayNanos(PeerId from, PeerId to, long bytes, long nowNanos) {
        if (settings.loss() > 0 && rng.nextDouble() < settings.loss()) {
            lost++;
            return -1;
        }
        long link = index.applyAsInt(from) * nodes + index.applyAsInt(to);
        long latency;
        if (settings.fixedPerLink()) {
            latency = linkLatency.get(link, -1);
            if (latency < 0) {
                latency = settings.latency().drawNanos(rng);
                linkLatency.put(link, latency);
            }
        } else {
            latency = settings.latency().drawNanos(rng);
        }
        long transfer = Double.isInfinite(settings.bytesPerSecond())
                ? 0
                : (long) Math.ceil(bytes * 1e9 / settings.bytesPerSecond());
        long start = transfer > 0 ? Math.max(nowNanos, freeAt.get(link, 0L)) : nowNanos;
        if (transfer > 0) freeAt.put(link, start + transfer);
        delivered++;
        return start + transfer + latency - nowNanos;
    }

    /** Messages dropped by the loss model so far. */
    public long lost() {
        return lost;
    }

    /** Messages scheduled for delivery so far. */
    public long delivered() {
        return delivered;
    }
}
