package io.fedp2p.robustness.defence;

/**
 * The guard at MGS steps q ≥ 1 (ALGORITHMS.md §8 step 7, §5.1): ClippedGossip clipping around the own iterate with τ
 * fixed from the step-0 distances by the trimmed oracle.
 *
 * @param delta the assumed Byzantine weight bound δ of the trimmed oracle (0.25)
 * @param dropFactor SPEC-GAP: §8 drops "a neighbour that fails the guard" without defining failure beyond validation;
 *     fedp2p counts as failure a malformed vector or a distance above {@code dropFactor·τ} (2), so that honest
 *     neighbours just beyond τ are clipped, not dropped
 */
public record GuardConfig(double delta, double dropFactor) {
    public static final GuardConfig DEFAULTS = new GuardConfig(0.25, 2.0);

    public GuardConfig {
        if (!(delta >= 0 && delta < 1)) throw new IllegalArgumentException("guard delta must be in [0, 1)");
        if (!(dropFactor >= 1)) throw new IllegalArgumentException("guard drop factor must be >= 1, got " + dropFactor);
    }

    public GuardConfig withDelta(double d) {
        return new GuardConfig(d, dropFactor);
    }

    public GuardConfig withDropFactor(double f) {
        return new GuardConfig(delta, f);
    }
}
