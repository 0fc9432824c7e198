package io.fedp2p.sim.core;

/**
 * Stateless, reproducible draws keyed by integers (SplitMix64 finaliser): a draw for (stream, node, round) does not
 * depend on the order in which other draws happen, which keeps per-node, per-round choices (stragglers) independent
 * of the event order.
 */
final class Mix {
    private Mix() {}

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform double in [0, 1) determined by the three keys. */
    static double uniform(long seed, long a, long b) {
        long h = mix(mix(mix(seed) + a) + b);
        return (h >>> 11) * 0x1.0p-53;
    }
}
