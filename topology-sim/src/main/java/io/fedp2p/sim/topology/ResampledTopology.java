package io.fedp2p.sim.topology;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * {@link DynamicTopology#resampled}: epoch k's graph is drawn from a {@link SplittableRandom} seeded with
 * {@code mix(base + k·φ)} (φ the 64-bit golden ratio, mix the SplitMix64 finaliser), so any round can be asked for
 * in any order. The last epoch built is cached. Thread-safe.
 */
final class ResampledTopology implements DynamicTopology {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private record Epoch(long index, Topology topology) {}

    private final TopologySpec spec;
    private final int n;
    private final int everyRounds;
    private final long base;
    private final Topology shape; // the fixed graph of a structured family, relabelled per epoch; null if random
    private volatile Epoch cached;

    ResampledTopology(TopologySpec spec, int n, int everyRounds, long base) {
        this.spec = Objects.requireNonNull(spec, "spec");
        if (everyRounds < 1)
            throw new IllegalArgumentException("resampling period must be >= 1 round, got " + everyRounds);
        this.n = n;
        this.everyRounds = everyRounds;
        this.base = base;
        this.shape = spec.isRandom() ? null : spec.build(n, new SplittableRandom(mix(base)));
        this.cached = new Epoch(0, draw(0));
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public Topology at(long round) {
        if (round < 0) throw new IllegalArgumentException("negative round " + round);
        long epoch = round / everyRounds;
        Epoch e = cached;
        if (e.index() != epoch) {
            e = new Epoch(epoch, draw(epoch));
            cached = e;
        }
        return e.topology();
    }

    // SPEC-GAP: issue 7 says "resample neighbours every R rounds"; for deterministic shapes (ring, torus, file) the
    // only way to give nodes new neighbours is a new labelling, so they are relabelled rather than left unchanged.
    private Topology draw(long epoch) {
        SplittableRandom rng = new SplittableRandom(mix(base + epoch * GOLDEN));
        return shape == null ? spec.build(n, rng) : shape.relabel(Permutations.uniform(n, rng));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
