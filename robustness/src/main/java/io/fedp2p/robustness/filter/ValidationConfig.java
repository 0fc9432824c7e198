package io.fedp2p.robustness.filter;

/**
 * Validation settings (ALGORITHMS.md §8 step 4, §4.6.4). Dimension and finiteness checks always run; these switch the
 * norm and plausibility checks.
 *
 * @param normCheck check ‖Δ_j‖ against the relative bound and the hard cap
 * @param relativeNormFactor reject ‖Δ_j‖ &gt; factor · median ‖Δ‖ (10)
 * @param normCap reject ‖Δ_j‖ &gt; cap. SPEC-GAP: §8 names a hard cap without a value; it is model-specific, so the
 *     default is +∞ and nodes set it for their adapter
 * @param plausibility run the delta/model consistency check of §4.6.4
 * @param plausibilityFactor c_plaus (2)
 * @param plausibilityEpsilon ε of the check. SPEC-GAP: §4.6.4 leaves ε open; fedp2p uses ε·(1 + ‖z_j^{(Q−1)}‖) with
 *     ε = 1e-5, enough to absorb float rounding of θ − Δ
 * @param plausibilityRejections failures within the last 5 rounds that reject j (3)
 */
public record ValidationConfig(
        boolean normCheck,
        double relativeNormFactor,
        double normCap,
        boolean plausibility,
        double plausibilityFactor,
        double plausibilityEpsilon,
        int plausibilityRejections) {

    public static final ValidationConfig DEFAULTS =
            new ValidationConfig(true, 10, Double.POSITIVE_INFINITY, true, 2, 1e-5, 3);

    /** Only the always-on dimension and finiteness checks. */
    public static final ValidationConfig BASIC = DEFAULTS.withNormCheck(false).withPlausibility(false);

    public ValidationConfig {
        if (!(relativeNormFactor > 0)) throw new IllegalArgumentException("norm factor must be > 0");
        if (!(normCap > 0)) throw new IllegalArgumentException("norm cap must be > 0");
        if (!(plausibilityFactor > 0)) throw new IllegalArgumentException("plausibility factor must be > 0");
        if (!(plausibilityEpsilon >= 0)) throw new IllegalArgumentException("plausibility epsilon must be >= 0");
        if (plausibilityRejections < 1 || plausibilityRejections > 5) {
            throw new IllegalArgumentException("plausibility rejections must be in 1..5");
        }
    }

    public ValidationConfig withNormCheck(boolean on) {
        return new ValidationConfig(
                on,
                relativeNormFactor,
                normCap,
                plausibility,
                plausibilityFactor,
                plausibilityEpsilon,
                plausibilityRejections);
    }

    public ValidationConfig withRelativeNormFactor(double f) {
        return new ValidationConfig(
                normCheck, f, normCap, plausibility, plausibilityFactor, plausibilityEpsilon, plausibilityRejections);
    }

    public ValidationConfig withNormCap(double cap) {
        return new ValidationConfig(
                normCheck,
                relativeNormFactor,
                cap,
                plausibility,
                plausibilityFactor,
                plausibilityEpsilon,
                plausibilityRejections);
    }

    public ValidationConfig withPlausibility(boolean on) {
        return new ValidationConfig(
                normCheck,
                relativeNormFactor,
                normCap,
                on,
                plausibilityFactor,
                plausibilityEpsilon,
                plausibilityRejections);
    }

    public ValidationConfig withPlausibilityFactor(double c) {
        return new ValidationConfig(
                normCheck, relativeNormFactor, normCap, plausibility, c, plausibilityEpsilon, plausibilityRejections);
    }
}
