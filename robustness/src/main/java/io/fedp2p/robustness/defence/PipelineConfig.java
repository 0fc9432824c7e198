package io.fedp2p.robustness.defence;

import io.fedp2p.robustness.filter.FrlFilterConfig;
import io.fedp2p.robustness.filter.IntegratorConfig;
import io.fedp2p.robustness.filter.PrioritizerConfig;
import io.fedp2p.robustness.filter.ValidationConfig;
import io.fedp2p.robustness.reputation.RfflConfig;
import java.util.Objects;

/**
 * Settings of the default pipeline (ALGORITHMS.md §8): validation → RFFL gate → Bristle prioritizer → FRL filter →
 * Bristle integrator → weighted mix, and the guard at steps q ≥ 1. Every stage is switchable; {@link #DEFAULTS} holds
 * the §9 values.
 */
public record PipelineConfig(
        ValidationConfig validation,
        RfflConfig rffl,
        PrioritizerConfig prioritizer,
        FrlFilterConfig frl,
        IntegratorConfig integrator,
        GuardConfig guard) {

    public static final PipelineConfig DEFAULTS = new PipelineConfig(
            ValidationConfig.DEFAULTS,
            RfflConfig.DEFAULTS,
            PrioritizerConfig.DEFAULTS,
            FrlFilterConfig.DEFAULTS,
            IntegratorConfig.DEFAULTS,
            GuardConfig.DEFAULTS);

    /** Only the always-on dimension and finiteness checks: the pipeline then mixes exactly like W (§8 property). */
    public static final PipelineConfig NO_FILTERS = DEFAULTS.withoutFilters();

    public PipelineConfig {
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(rffl, "rffl");
        Objects.requireNonNull(prioritizer, "prioritizer");
        Objects.requireNonNull(frl, "frl");
        Objects.requireNonNull(integrator, "integrator");
        Objects.requireNonNull(guard, "guard");
    }

    public PipelineConfig withValidation(ValidationConfig v) {
        return new PipelineConfig(v, rffl, prioritizer, frl, integrator, guard);
    }

    public PipelineConfig withRffl(RfflConfig r) {
        return new PipelineConfig(validation, r, prioritizer, frl, integrator, guard);
    }

    public PipelineConfig withPrioritizer(PrioritizerConfig p) {
        return new PipelineConfig(validation, rffl, p, frl, integrator, guard);
    }

    public PipelineConfig withFrl(FrlFilterConfig f) {
        return new PipelineConfig(validation, rffl, prioritizer, f, integrator, guard);
    }

    public PipelineConfig withIntegrator(IntegratorConfig i) {
        return new PipelineConfig(validation, rffl, prioritizer, frl, i, guard);
    }

    public PipelineConfig withGuard(GuardConfig g) {
        return new PipelineConfig(validation, rffl, prioritizer, frl, integrator, g);
    }

    /** Every filter stage off and validation reduced to the basic checks; the guard stays. */
    public PipelineConfig withoutFilters() {
        return new PipelineConfig(
                ValidationConfig.BASIC,
                rffl.withEnabled(false),
                prioritizer.withEnabled(false),
                frl.withEnabled(false),
                integrator.withMode(IntegratorConfig.Mode.OFF),
                guard);
    }

    /** Whether some enabled stage reads candidates' deltas (then step-0 messages must carry one). */
    public boolean needsDeltas() {
        return validation.normCheck() || validation.plausibility() || rffl.enabled() || frl.enabled();
    }
}
