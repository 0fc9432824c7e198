package io.fedp2p.robustness.filter;

import java.util.Optional;

/**
 * Bristle integrator settings (ALGORITHMS.md §2.3, §2.8, §8 step 5d).
 *
 * @param mode how Ω_j is used
 * @param phi φ, classes compared per peer; fedp2p design (§2.4): a parameter defaulting to 3, as the reference runs
 *     with PSI-CA switched off
 * @param centreColumns zero-mean each head column after integration (§2.8 #6; integrate mode only)
 * @param head where the head sits; without it integrate mode treats the whole vector with the per-peer weight Ω_j
 */
public record IntegratorConfig(Mode mode, int phi, boolean centreColumns, Optional<HeadLayout> head) {

    /** How the pipeline uses Bristle's scores. */
    public enum Mode {
        /** Not run. */
        OFF,
        /** Reject j when Ω_j = 0 (§8 default). */
        HARD,
        /** Keep j with a_ij = min(1, Ω_j). */
        SOFT,
        /** Replace the W mix by Bristle's own formulas (§2.3), the faithful "Bristle-integrate" mode. */
        INTEGRATE
    }

    public static final IntegratorConfig DEFAULTS = new IntegratorConfig(Mode.HARD, 3, true, Optional.empty());

    public IntegratorConfig {
        java.util.Objects.requireNonNull(mode, "mode");
        java.util.Objects.requireNonNull(head, "head");
        if (phi < 1) throw new IllegalArgumentException("bristle phi must be >= 1, got " + phi);
    }

    public IntegratorConfig withMode(Mode m) {
        return new IntegratorConfig(m, phi, centreColumns, head);
    }

    public IntegratorConfig withPhi(int p) {
        return new IntegratorConfig(mode, p, centreColumns, head);
    }

    public IntegratorConfig withHead(HeadLayout h) {
        return new IntegratorConfig(mode, phi, centreColumns, Optional.of(h));
    }

    public IntegratorConfig withCentreColumns(boolean on) {
        return new IntegratorConfig(mode, phi, on, head);
    }
}
