package io.fedp2p.robustness.filter;

import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.NeighbourState;
import io.fedp2p.robustness.RoundInput;
import io.fedp2p.robustness.Verdict;
import io.fedp2p.robustness.vector.RobustStats;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * Validation (ALGORITHMS.md §8 step 4, §4.6.4), always the first stage. In order: dimension of θ_j and Δ_j, finite
 * values (a finite squared norm in double proves every component finite), a delta when later stages need one, then,
 * when switched on, ‖Δ_j‖ ≤ factor · median‖Δ‖ and ≤ the hard cap, and the delta/model plausibility check
 * {@code ‖(θ_j − Δ_j) − z_j^{(Q−1)}‖ ≤ c_plaus·ρ_j + ε} against the previous round's last-step iterate, which rejects j
 * only after failures in 3 of the last 5 rounds (skipped without a stored iterate or a reported residual).
 *
 * <p>SPEC-GAP: the median of ‖Δ‖ is taken over the own delta and every well-formed candidate delta (the own one keeps
 * it honest when many candidates are attackers); when that median is 0 the relative bound is skipped. Scores:
 * {@code distance} = ‖θ_j − θ_i‖ (reused by the prioritizer and the guard radius) and {@code delta-norm}.
 */
public final class ValidationStage implements FilterStage {
    private final ValidationConfig config;

    public ValidationStage(ValidationConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return "validation";
    }

    @Override
    public Screening screen(ScreeningContext ctx, Screening current, RandomGenerator rng) {
        RoundInput in = ctx.input();
        List<Candidate> cs = in.candidates();
        int n = cs.size();
        int d = in.dimension();
        Screening s = current;
        for (int j = 0; j < n; j++) {
            Candidate c = cs.get(j);
            if (c.theta().length != d || (c.hasDelta() && c.delta().length != d)) {
                s = s.reject(
                        j,
                        Verdict.VALIDATION_DIMENSION,
                        "expected " + d + " values, got θ " + c.theta().length
                                + (c.hasDelta() ? ", Δ " + c.delta().length : ""));
            }
        }
        double[] distance = new double[n];
        double[] deltaNorm = new double[n];
        Arrays.fill(distance, Double.NaN);
        Arrays.fill(deltaNorm, Double.NaN);
        int[] ok = s.acceptedIndices();
        List<float[]> thetas = new ArrayList<>();
        for (int j : ok) thetas.add(cs.get(j).theta());
        double[] sq = Vectors.squaredDistances(in.ownTheta(), thetas);
        for (int r = 0; r < ok.length; r++) {
            int j = ok[r];
            distance[j] = Math.sqrt(sq[r]);
            if (cs.get(j).hasDelta())
                deltaNorm[j] = Math.sqrt(Vectors.squaredNorm(cs.get(j).delta()));
            if (!Double.isFinite(distance[j]) || (cs.get(j).hasDelta() && !Double.isFinite(deltaNorm[j]))) {
                s = s.reject(j, Verdict.VALIDATION_NON_FINITE, "NaN or infinite value");
            } else if (ctx.deltaRequired() && !cs.get(j).hasDelta()) {
                s = s.reject(j, Verdict.VALIDATION_MISSING_DELTA, "step-0 message without the sender's delta");
            }
        }
        s = s.withScore("distance", distance).withScore("delta-norm", deltaNorm);
        if (config.normCheck()) s = checkNorms(in, s, deltaNorm);
        if (config.plausibility()) s = checkPlausibility(ctx, s);
        return s;
    }

    private Screening checkNorms(RoundInput in, Screening s, double[] deltaNorm) {
        List<Double> norms = new ArrayList<>();
        norms.add(Vectors.norm(in.ownDelta()));
        for (int j : s.acceptedIndices()) if (!Double.isNaN(deltaNorm[j])) norms.add(deltaNorm[j]);
        double median = RobustStats.median(
                norms.stream().mapToDouble(Double::doubleValue).toArray());
        double bound = median > 0 ? config.relativeNormFactor() * median : Double.POSITIVE_INFINITY;
        if (!(median > 0)) s = s.withNote("validation: median delta norm is 0, relative norm bound skipped");
        for (int j : s.acceptedIndices()) {
            double norm = deltaNorm[j];
            if (Double.isNaN(norm)) continue;
            if (norm > bound) {
                s = s.reject(
                        j,
                        Verdict.VALIDATION_NORM,
                        "‖Δ‖ = " + norm + " > " + config.relativeNormFactor() + " × median " + median);
            } else if (norm > config.normCap()) {
                s = s.reject(j, Verdict.VALIDATION_NORM, "‖Δ‖ = " + norm + " > cap " + config.normCap());
            }
        }
        return s;
    }

    private Screening checkPlausibility(ScreeningContext ctx, Screening s) {
        List<Candidate> cs = ctx.input().candidates();
        for (int j : s.acceptedIndices()) {
            Candidate c = cs.get(j);
            Optional<float[]> previous = ctx.state().lastStepModel(c.key());
            OptionalDouble rho = c.reportedResidual();
            if (!c.hasDelta() || previous.isEmpty() || rho.isEmpty() || previous.get().length != c.theta().length) {
                continue;
            }
            float[] z = previous.get();
            double gap = Vectors.distanceOfDifference(c.theta(), c.delta(), z);
            double bound = config.plausibilityFactor() * rho.getAsDouble()
                    + config.plausibilityEpsilon() * (1 + Vectors.norm(z));
            if (gap <= bound) continue;
            s = s.withPlausibilityFailed(j);
            int failures = ctx.state()
                    .neighbour(c.key())
                    .map(st -> st.plausibilityFailuresWith(true))
                    .orElse(1);
            if (failures >= config.plausibilityRejections()) {
                s = s.reject(
                        j,
                        Verdict.VALIDATION_PLAUSIBILITY,
                        failures + " plausibility failures in the last " + NeighbourState.PLAUSIBILITY_WINDOW
                                + " rounds (gap " + gap + " > " + bound + ")");
            }
        }
        return s;
    }
}
