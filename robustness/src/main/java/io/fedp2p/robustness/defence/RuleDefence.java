package io.fedp2p.robustness.defence;

import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.CandidateDecision;
import io.fedp2p.robustness.Evaluators;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.RoundInput;
import io.fedp2p.robustness.StepInput;
import io.fedp2p.robustness.Verdict;
import io.fedp2p.robustness.aggregate.Aggregate;
import io.fedp2p.robustness.aggregate.AggregationContext;
import io.fedp2p.robustness.aggregate.ClippedGossip;
import io.fedp2p.robustness.aggregate.ClippingRadius;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * A baseline rule of ALGORITHMS.md §5 used as the whole mixing step, at step 0 and again at every MGS step, on X_i =
 * {own} ∪ {well-formed candidates} with the own vector first and W row weights (the own one 1 − Σ W_ij over the
 * well-formed candidates). Malformed vectors (wrong dimension, NaN or infinity) are rejected before the rule sees them:
 * the gossip decoder drops them anyway, and no rule can mix them. The rule keeps no state across rounds.
 *
 * <p>fedp2p design (§5.6): centered clipping's centre is its previous output, which is the round-start model θ_i − Δ_i at
 * step 0 and the own iterate z_i^{(q)} at steps q ≥ 1, so it persists across MGS steps and rounds without stored state.
 * ClippedGossip fixes τ at step 0 (§5.1) unless its radius is the second-largest-distance heuristic, which is
 * recomputed at every step as in the reference code.
 */
final class RuleDefence implements Defence {
    private final DefenceSpec.RuleSpec spec;

    RuleDefence(DefenceSpec.RuleSpec spec) {
        this.spec = java.util.Objects.requireNonNull(spec, "spec");
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public MixOutcome stepZero(RoundInput input, RobustnessState state, Evaluators evaluators, RandomGenerator rng) {
        float[] centre = Vectors.subtract(input.ownTheta(), input.ownDelta());
        RoundContext ctx =
                RoundContext.simple(name(), input, state, new TreeMap<>(), Double.POSITIVE_INFINITY, new TreeSet<>());
        return apply(ctx, input.ownTheta(), input.candidates(), centre, evaluators, true);
    }

    @Override
    public MixOutcome step(RoundContext context, StepInput input, Evaluators evaluators, RandomGenerator rng) {
        return apply(context, input.ownModel(), input.candidates(), input.ownModel(), evaluators, false);
    }

    @Override
    public RobustnessState endRound(RoundContext context, Map<PeerKey, float[]> lastStepModels) {
        return context.state();
    }

    private MixOutcome apply(
            RoundContext ctx, float[] own, List<Candidate> cs, float[] centre, Evaluators ev, boolean stepZero) {
        List<float[]> vectors = new ArrayList<>();
        vectors.add(own);
        List<Integer> members = new ArrayList<>();
        List<CandidateDecision> decisions = new ArrayList<>();
        Verdict[] early = new Verdict[cs.size()];
        double[] sq = wellFormed(own, cs, early);
        double rest = 1;
        for (int j = 0; j < cs.size(); j++) {
            if (early[j] != null) continue;
            members.add(j);
            vectors.add(cs.get(j).theta());
            rest -= cs.get(j).weight();
        }
        double[] weights = new double[vectors.size()];
        weights[0] = Math.max(0, rest); // the same sequential 1 − Σ W_ij as the pipeline's mix
        for (int r = 0; r < members.size(); r++)
            weights[r + 1] = cs.get(members.get(r)).weight();
        if (weights[0] == 0 && members.isEmpty()) weights[0] = 1;
        RuleApplication.Result result = RuleApplication.run(
                spec,
                vectors,
                weights,
                ctx,
                stepZero,
                AggregationContext.of(ctx.round(), centre, ev.loss().orElse(null)));
        Aggregate agg = result.aggregate();
        SortedMap<PeerKey, Double> accepted = new TreeMap<>();
        TreeSet<PeerKey> penalised = new TreeSet<>(ctx.penalised());
        for (int j = 0, r = 0; j < cs.size(); j++) {
            PeerKey key = cs.get(j).key();
            if (early[j] != null) {
                penalised.add(key);
                decisions.add(new CandidateDecision(key, early[j], 0, "malformed vector", new TreeMap<>()));
                continue;
            }
            int k = ++r;
            SortedMap<String, Double> scores = new TreeMap<>();
            if (!Double.isNaN(agg.scores()[k])) scores.put(agg.scoreName(), agg.scores()[k]);
            if (!Double.isNaN(sq[j])) scores.put("distance", Math.sqrt(sq[j]));
            double w = agg.weights()[k];
            if (agg.verdict(k).accepted())
                accepted.put(key, Double.isNaN(w) ? cs.get(j).weight() : w);
            decisions.add(new CandidateDecision(
                    key, agg.verdict(k), agg.verdict(k).accepted() ? w : 0, agg.detail(k), scores));
        }
        RoundContext next = stepZero
                ? RoundContext.simple(name(), ctx.input(), ctx.state(), accepted, result.tau(), penalised)
                : ctx.withTau(result.tau());
        List<String> notes = new ArrayList<>(agg.notes());
        notes.addAll(result.notes());
        return new MixOutcome(agg.vector(), decisions, agg.weights()[0], next, notes);
    }

    /** Squared distances to the own vector; {@code early[j]} set for malformed candidates. */
    private static double[] wellFormed(float[] own, List<Candidate> cs, Verdict[] early) {
        List<float[]> sameLength = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < cs.size(); j++) {
            if (cs.get(j).theta().length != own.length) early[j] = Verdict.VALIDATION_DIMENSION;
            else {
                sameLength.add(cs.get(j).theta());
                idx.add(j);
            }
        }
        double[] sq = new double[cs.size()];
        java.util.Arrays.fill(sq, Double.NaN);
        double[] d = Vectors.squaredDistances(own, sameLength);
        for (int r = 0; r < d.length; r++) {
            sq[idx.get(r)] = d[r];
            if (!Double.isFinite(d[r])) early[idx.get(r)] = Verdict.VALIDATION_NON_FINITE;
        }
        return sq;
    }

    static boolean fixesTau(ClippedGossip rule) {
        return !(rule.radius() instanceof ClippingRadius.SecondLargest);
    }
}
