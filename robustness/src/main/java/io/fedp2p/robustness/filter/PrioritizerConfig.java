package io.fedp2p.robustness.filter;

/**
 * Bristle prioritizer settings (ALGORITHMS.md §2.2, §2.5, §2.8 #1).
 *
 * @param enabled run the stage
 * @param variant which prioritizer
 * @param alpha exploration weight α (0.4)
 * @param keep N, models kept by the α and random variants (10)
 * @param nearest the nearest-plus-random variant's nearest count (20)
 * @param random the nearest-plus-random variant's random count (5)
 */
public record PrioritizerConfig(boolean enabled, Variant variant, double alpha, int keep, int nearest, int random) {

    /** Prioritizer variants; {@link #ALPHA} is fedp2p's (§2.8 #1), the others are ablations. */
    public enum Variant {
        /** Three distance groups sampled with the binomial weights (1−α)², 2α(1−α), α² of N. */
        ALPHA,
        /** The Kotlin code before 19 May 2021: the {@code nearest} closest plus {@code random} random others. */
        NEAREST_RANDOM,
        /** The final Kotlin commit: N uniformly random models. */
        RANDOM
    }

    public static final PrioritizerConfig DEFAULTS = new PrioritizerConfig(true, Variant.ALPHA, 0.4, 10, 20, 5);

    public PrioritizerConfig {
        java.util.Objects.requireNonNull(variant, "variant");
        if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("bristle alpha must be in [0, 1]");
        if (keep < 1) throw new IllegalArgumentException("bristle N must be >= 1, got " + keep);
        if (nearest < 0 || random < 0) throw new IllegalArgumentException("bristle counts must be >= 0");
    }

    public PrioritizerConfig withEnabled(boolean on) {
        return new PrioritizerConfig(on, variant, alpha, keep, nearest, random);
    }

    public PrioritizerConfig withVariant(Variant v) {
        return new PrioritizerConfig(enabled, v, alpha, keep, nearest, random);
    }

    public PrioritizerConfig withAlpha(double a) {
        return new PrioritizerConfig(enabled, variant, a, keep, nearest, random);
    }

    public PrioritizerConfig withKeep(int n) {
        return new PrioritizerConfig(enabled, variant, alpha, n, nearest, random);
    }
}
