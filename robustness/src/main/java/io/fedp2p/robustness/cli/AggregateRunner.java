package io.fedp2p.robustness.cli;

import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.CandidateDecision;
import io.fedp2p.robustness.Evaluators;
import io.fedp2p.robustness.LossEvaluator;
import io.fedp2p.robustness.NeighbourState;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.RoundInput;
import io.fedp2p.robustness.Verdict;
import io.fedp2p.robustness.aggregate.Aggregate;
import io.fedp2p.robustness.aggregate.AggregationContext;
import io.fedp2p.robustness.aggregate.CenteredClipping;
import io.fedp2p.robustness.aggregate.VectorSet;
import io.fedp2p.robustness.defence.Defence;
import io.fedp2p.robustness.defence.DefenceSpec;
import io.fedp2p.robustness.defence.MixOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Runs one rule of {@code fedp2p aggregate} on validated input. Baseline rules (§5) run as {@code Aggregator}s on all
 * vectors. Pipeline rules ({@code pipeline}, {@code bristle}, {@code frl}, {@code rffl}) run one step-0 screening and
 * mix from an empty state with the {@code --own} vector as the node and the others as its neighbours; per-class F1
 * scores come only from the input's {@code f1} field and losses only from {@code losses}: without them the stages that
 * need a model are skipped and a note says so. {@code rffl} scores one round of reputations and then mixes as the next
 * round would, with the neighbours it removed gated out (removal needs {@code grace=0}: with the default grace period
 * of 10 rounds nobody can be removed in one round).
 */
final class AggregateRunner {
    /** One rejected input vector. */
    record Rejection(int index, Verdict reason, String detail) {}

    /** The command's result. */
    record Output(
            float[] aggregate,
            int[] accepted,
            double[] scores,
            String scoreName,
            List<Rejection> rejected,
            List<String> notes) {}

    private AggregateRunner() {}

    static Output run(DefenceSpec spec, AggregateInput in, Integer own, long round, long seed, List<String> notes) {
        if (spec instanceof DefenceSpec.RuleSpec rule) return runRule(rule, in, own, round, notes);
        return runPipeline(spec, in, own, round, seed, notes);
    }

    private static Output runRule(
            DefenceSpec.RuleSpec spec, AggregateInput in, Integer own, long round, List<String> notes) {
        int ownIndex = own != null ? own : needsOwn(spec) ? defaultOwn(spec.name(), notes) : -1;
        checkOwn(ownIndex, in.vectors.size());
        VectorSet set = in.weights == null
                ? VectorSet.uniform(in.vectors, ownIndex)
                : VectorSet.of(in.vectors, in.weights, ownIndex);
        if (in.weights != null && !usesWeights(spec)) notes.add(spec.name() + " ignores weights");
        if (in.f1 != null) notes.add(spec.name() + " does not use f1 scores");
        if (in.deltas != null) notes.add(spec.name() + " does not use deltas");
        LossEvaluator loss = null;
        if (in.losses != null) {
            if (spec instanceof DefenceSpec.MoziSpec) loss = byIdentity(in.vectors, in.losses);
            else notes.add(spec.name() + " does not use losses");
        }
        Aggregate agg = spec.aggregator().aggregate(set, AggregationContext.of(round, null, loss));
        notes.addAll(agg.notes());
        List<Rejection> rejected = new ArrayList<>();
        for (int k = 0; k < agg.size(); k++) {
            if (!agg.verdict(k).accepted()) rejected.add(new Rejection(k, agg.verdict(k), agg.detail(k)));
        }
        return new Output(agg.vector(), agg.accepted(), agg.scores(), agg.scoreName(), rejected, notes);
    }

    private static Output runPipeline(
            DefenceSpec spec, AggregateInput in, Integer own, long round, long seed, List<String> notes) {
        int m = in.vectors.size();
        int ownIndex = own != null ? own : defaultOwn(spec.name(), notes);
        checkOwn(ownIndex, m);
        if (in.deltas == null) notes.add("no 'deltas' given: each vector also serves as its own delta");
        if (in.losses != null) notes.add(spec.name() + " does not use losses");
        double[] w = normalised(in.weights, m);
        List<Candidate> cs = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            if (k != ownIndex) cs.add(Candidate.withDelta(key(k, m), in.vectors.get(k), delta(in, k), w[k]));
        }
        Evaluators ev = Evaluators.none();
        if (in.f1 != null) {
            Map<float[], double[]> f1 = new IdentityHashMap<>();
            for (int k = 0; k < m; k++) f1.put(in.vectors.get(k), in.f1.get(k));
            ev = Evaluators.withScorer(theta -> f1.get(theta).clone(), in.familiarClasses);
        }
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        Defence defence = spec.create();
        RoundInput input = new RoundInput(round, in.vectors.get(ownIndex), delta(in, ownIndex), cs);
        MixOutcome out = defence.stepZero(input, RobustnessState.initial(), ev, rng);
        double[] scores = new double[m];
        Arrays.fill(scores, Double.NaN);
        String scoreName;
        if (spec.name().equals("rffl")) {
            RobustnessState state = defence.endRound(out.context(), Map.of());
            input = new RoundInput(round + 1, in.vectors.get(ownIndex), delta(in, ownIndex), cs);
            out = defence.stepZero(input, state, ev, rng);
            scoreName = "reputation";
            for (int k = 0; k < m; k++) {
                if (k != ownIndex)
                    scores[k] = state.neighbour(key(k, m))
                            .map(NeighbourState::reputation)
                            .orElse(0.0);
            }
            notes.add("rffl: reputations after one round from an empty state; aggregate = the next round's mix");
        } else {
            scoreName = primaryScore(spec.name(), out);
            for (CandidateDecision d : out.decisions()) {
                scores[index(d.key())] = d.scores().getOrDefault(scoreName, Double.NaN);
            }
        }
        notes.addAll(out.notes());
        List<Integer> accepted = new ArrayList<>(List.of(ownIndex));
        List<Rejection> rejected = new ArrayList<>();
        for (CandidateDecision d : out.decisions()) {
            if (d.accepted()) accepted.add(index(d.key()));
            else rejected.add(new Rejection(index(d.key()), d.verdict(), d.detail()));
        }
        int[] acc = accepted.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new Output(out.mixed(), acc, scores, scoreName, rejected, notes);
    }

    private static String primaryScore(String name, MixOutcome out) {
        String preferred =
                switch (name) {
                    case "bristle" -> "omega";
                    default -> "frl";
                };
        boolean present = out.decisions().stream().anyMatch(d -> d.scores().containsKey(preferred));
        return present ? preferred : "distance";
    }

    private static boolean needsOwn(DefenceSpec.RuleSpec spec) {
        return spec instanceof DefenceSpec.ClippedGossipSpec
                || spec instanceof DefenceSpec.BalanceSpec
                || spec instanceof DefenceSpec.MoziSpec
                || (spec instanceof DefenceSpec.CenteredClippingSpec cc && cc.start() == CenteredClipping.Start.OWN);
    }

    private static boolean usesWeights(DefenceSpec.RuleSpec spec) {
        return spec instanceof DefenceSpec.MeanSpec || spec instanceof DefenceSpec.ClippedGossipSpec;
    }

    private static int defaultOwn(String rule, List<String> notes) {
        notes.add(rule + " needs the node's own vector: --own not given, vector 0 used");
        return 0;
    }

    private static void checkOwn(int own, int m) {
        if (own < -1 || own >= m) throw new IllegalArgumentException("--own " + own + " outside 0.." + (m - 1));
    }

    private static double[] normalised(double[] weights, int m) {
        double[] w = new double[m];
        double sum = 0;
        for (int k = 0; k < m; k++) sum += (w[k] = weights == null ? 1 : weights[k]);
        for (int k = 0; k < m; k++) w[k] /= sum;
        return w;
    }

    private static float[] delta(AggregateInput in, int k) {
        return in.deltas == null ? in.vectors.get(k) : in.deltas.get(k);
    }

    private static LossEvaluator byIdentity(List<float[]> vectors, double[] losses) {
        Map<float[], Double> map = new IdentityHashMap<>();
        for (int k = 0; k < vectors.size(); k++) map.put(vectors.get(k), losses[k]);
        return map::get;
    }

    /** Candidate keys that sort like their indices. */
    static PeerKey key(int k, int m) {
        int width = String.valueOf(m).length();
        return PeerKey.of(String.format(java.util.Locale.ROOT, "v%0" + width + "d", k));
    }

    static int index(PeerKey key) {
        return Integer.parseInt(key.id().substring(1));
    }
}
