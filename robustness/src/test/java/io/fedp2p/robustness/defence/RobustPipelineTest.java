package io.fedp2p.robustness.defence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.CandidateDecision;
import io.fedp2p.robustness.ClassScorer;
import io.fedp2p.robustness.Evaluators;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.RoundInput;
import io.fedp2p.robustness.StepInput;
import io.fedp2p.robustness.TestVectors;
import io.fedp2p.robustness.Verdict;
import io.fedp2p.robustness.filter.IntegratorConfig;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ALGORITHMS.md §8: the default pipeline end to end. */
class RobustPipelineTest {
    static final RobustPipeline DEFAULT = new RobustPipeline(PipelineConfig.DEFAULTS);

    static Verdict verdictOf(MixOutcome o, int k) {
        return o.decisions().get(k).verdict();
    }

    @Test
    void withEveryFilterOffItMixesExactlyLikeW() {
        Rounds r = new Rounds(1, 50);
        RoundInput in = r.input(0, 5, List.of());
        List<float[]> xs = new ArrayList<>(List.of(in.ownTheta()));
        double[] w = new double[6];
        double rest = 1;
        for (int k = 0; k < 5; k++) {
            xs.add(in.candidates().get(k).theta());
            w[k + 1] = in.candidates().get(k).weight();
            rest -= w[k + 1];
        }
        w[0] = rest;

        MixOutcome o = new RobustPipeline(PipelineConfig.NO_FILTERS)
                .stepZero(in, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(0));

        assertThat(o.mixed()).containsExactly(Vectors.weightedSum(xs, w));
        assertThat(o.mixed())
                .containsExactly(DefenceSpec.parse("mean")
                        .create()
                        .stepZero(in, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(0))
                        .mixed());
        assertThat(o.selfWeight()).isEqualTo(rest);
    }

    @Test
    void defaultsRejectAScaledAttackerByNormAndAReversedOneByRank() {
        Rounds r = new Rounds(2, 400);
        float[] reversed = Vectors.scale(r.honestDelta(), -1); // same norm, every rank reversed
        float[] scaled = Vectors.scale(r.honestDelta(), 50);
        RoundInput in = r.input(0, 6, List.of(reversed, scaled));

        MixOutcome o = DEFAULT.stepZero(in, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(0));

        assertThat(verdictOf(o, 6)).isEqualTo(Verdict.FRL_RANK_OUTLIER);
        assertThat(verdictOf(o, 7)).isEqualTo(Verdict.VALIDATION_NORM);
        for (int k = 0; k < 6; k++) assertThat(verdictOf(o, k)).isEqualTo(Verdict.ACCEPTED);
        assertThat(o.notes()).anyMatch(n -> n.contains("bristle integrator skipped"));
        // the two rejected weights went to the node itself: 1/9 own + 2/9
        assertThat(o.selfWeight()).isCloseTo(3.0 / 9, within(1e-12));
        assertThat(o.context().penalised()).containsExactly(Rounds.key(7));
    }

    @Test
    void decisionsComeInKeyOrderWhateverTheInputOrder() {
        Rounds r = new Rounds(3, 30);
        RoundInput in = r.input(0, 5, List.of());
        List<Candidate> shuffled = new ArrayList<>(in.candidates());
        java.util.Collections.reverse(shuffled);
        RoundInput reordered = new RoundInput(0, in.ownTheta(), in.ownDelta(), shuffled);

        MixOutcome a = DEFAULT.stepZero(in, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(4));
        MixOutcome b = DEFAULT.stepZero(reordered, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(4));

        assertThat(b.mixed()).containsExactly(a.mixed());
        assertThat(b.decisions().stream().map(CandidateDecision::key).toList())
                .isSorted()
                .isEqualTo(a.decisions().stream().map(CandidateDecision::key).toList());
    }

    @Test
    void laterStepsClipAroundTheOwnIterateAndDropFarNeighbours() {
        Rounds r = new Rounds(4, 40);
        RoundInput in = r.input(0, 4, List.of());
        MixOutcome zero = new RobustPipeline(PipelineConfig.NO_FILTERS)
                .stepZero(in, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(0));
        double tau = zero.context().tau();
        float[] z = zero.mixed();
        float[] dir = Vectors.scale(r.direction, 1 / Vectors.norm(r.direction));
        List<Candidate> step = List.of(
                Candidate.of(Rounds.key(0), Vectors.addScaled(z, 0.5 * tau, dir), 0.2),
                Candidate.of(Rounds.key(1), Vectors.addScaled(z, 1.5 * tau, dir), 0.2),
                Candidate.of(Rounds.key(2), Vectors.addScaled(z, 3 * tau, dir), 0.2),
                Candidate.of(io.fedp2p.robustness.PeerKey.of("stranger"), z, 0.2));

        MixOutcome one = new RobustPipeline(PipelineConfig.NO_FILTERS)
                .step(zero.context(), new StepInput(1, z, step), Evaluators.none(), TestVectors.rng(0));

        // p00 counts fully, p01 is clipped to τ, p02 (3τ > 2τ) is dropped, p03 sent nothing, the stranger is ignored
        assertThat(one.decisions().get(0).weight()).isCloseTo(0.2, within(1e-12));
        assertThat(one.decisions().get(1).weight()).isCloseTo(0.2 / 1.5, within(1e-6));
        assertThat(one.decisions().get(2).verdict()).isEqualTo(Verdict.GUARD_DROPPED);
        assertThat(one.decisions().get(3).verdict()).isEqualTo(Verdict.NOT_IN_ACCEPTED_SET);
        // z + 0.2·0.5τ + 0.2·τ along dir
        assertThat(Vectors.distance(one.mixed(), z)).isCloseTo(0.3 * tau, within(1e-4 * tau));
        assertThat(one.context().dropped()).containsExactly(Rounds.key(2));
        assertThat(one.context().penalised()).contains(Rounds.key(2));

        MixOutcome two = new RobustPipeline(PipelineConfig.NO_FILTERS)
                .step(one.context(), new StepInput(2, z, step), Evaluators.none(), TestVectors.rng(0));
        assertThat(two.decisions().get(2).verdict()).isEqualTo(Verdict.NOT_IN_ACCEPTED_SET);
    }

    @Test
    void rfflRemovesAFreeRiderWhenItsGracePeriodEndsAndGatesItAfterwards() {
        // 3 honest neighbours with pairwise cosine ≈ 0.3 and one free-rider sending pure noise (§4.6.4)
        Defence rffl = DefenceSpec.parse("rffl").create();
        RobustnessState state = RobustnessState.initial();
        var rng = TestVectors.rng(11);
        int d = 2000;
        for (int t = 0; t <= 11; t++) {
            float[] g = TestVectors.gaussian(rng, d, 0, 1);
            java.util.function.Supplier<float[]> honest =
                    () -> Vectors.addScaled(g, Math.sqrt(7.0 / 3), TestVectors.gaussian(rng, d, 0, 1));
            float[] start = new float[d];
            List<Candidate> cs = new ArrayList<>();
            for (int k = 0; k < 3; k++) cs.add(Rounds.candidate(k, start, honest.get(), 0.2));
            cs.add(Rounds.candidate(3, start, TestVectors.gaussian(rng, d, 0, 1), 0.2));
            float[] own = honest.get();
            RoundInput in = new RoundInput(t, own, own, cs);

            MixOutcome o = rffl.stepZero(in, state, Evaluators.none(), rng);

            if (t == 11) assertThat(verdictOf(o, 3)).isEqualTo(Verdict.RFFL_BANNED);
            else assertThat(o.rejected()).isEmpty();
            RobustnessState before = state;
            state = rffl.endRound(o.context(), Map.of());
            assertThat(state.removedSince(before)).isEqualTo(t == 10 ? List.of(Rounds.key(3)) : List.of());
            boolean banned = state.isBanned(Rounds.key(3), t + 1);
            assertThat(banned).as("free-rider banned after round " + t).isEqualTo(t >= 10);
            for (int k = 0; k < 3; k++)
                assertThat(state.isBanned(Rounds.key(k), t + 1)).isFalse();
        }
    }

    @Test
    void integratorModes() {
        Rounds r = new Rounds(5, 20);
        RoundInput in = r.input(0, 3, List.of());
        // F1 by candidate: p00 as good as the own model, p01 better, p02 much worse on both familiar classes
        java.util.Map<float[], double[]> f1 = new java.util.IdentityHashMap<>();
        f1.put(in.ownTheta(), new double[] {0.6, 0.6});
        f1.put(in.candidates().get(0).theta(), new double[] {0.6, 0.6});
        f1.put(in.candidates().get(1).theta(), new double[] {0.9, 0.9});
        f1.put(in.candidates().get(2).theta(), new double[] {0.1, 0.1});
        ClassScorer scorer = f1::get;
        Evaluators ev = Evaluators.withScorer(scorer, new int[] {0, 1});
        PipelineConfig base = PipelineConfig.NO_FILTERS;

        MixOutcome hard = new RobustPipeline(base.withIntegrator(IntegratorConfig.DEFAULTS))
                .stepZero(in, RobustnessState.initial(), ev, TestVectors.rng(0));
        assertThat(verdictOf(hard, 2)).isEqualTo(Verdict.BRISTLE_SCORE);
        assertThat(verdictOf(hard, 1)).isEqualTo(Verdict.ACCEPTED);

        MixOutcome soft = new RobustPipeline(
                        base.withIntegrator(IntegratorConfig.DEFAULTS.withMode(IntegratorConfig.Mode.SOFT)))
                .stepZero(in, RobustnessState.initial(), ev, TestVectors.rng(0));
        // Ω(p00) = u·g(0) = 0.6 -> a = 0.6; p01: s = 3^3.6 per class, Ω = 0.9·g(104.4) ≈ 3.06 -> a = 1; Ω(p02) = 0
        assertThat(soft.decisions().get(0).weight()).isCloseTo(0.25 * 0.6, within(1e-12));
        assertThat(soft.decisions().get(1).weight()).isCloseTo(0.25, within(1e-12));
        assertThat(soft.decisions().get(2).weight()).isZero();

        MixOutcome integrate = new RobustPipeline(
                        base.withIntegrator(IntegratorConfig.DEFAULTS.withMode(IntegratorConfig.Mode.INTEGRATE)))
                .stepZero(in, RobustnessState.initial(), ev, TestVectors.rng(0));
        assertThat(integrate.selfWeight()).isNaN();
        assertThat(integrate.rejected()).isEmpty();
    }

    @Test
    void sameSeedSameOutcome() {
        Rounds r = new Rounds(6, 100);
        RoundInput in = r.input(0, 15, List.of(Vectors.scale(r.honestDelta(), -1)));

        MixOutcome a = DEFAULT.stepZero(in, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(9));
        MixOutcome b = DEFAULT.stepZero(in, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(9));

        assertThat(b.mixed()).containsExactly(a.mixed());
        assertThat(b.decisions()).isEqualTo(a.decisions());
        // 16 candidates: the prioritizer keeps 11
        assertThat(a.decisions().stream().filter(d -> d.verdict() == Verdict.BRISTLE_PRIORITIZER))
                .hasSize(5);
    }

    @Test
    void consensusMaskKeepsTheOwnValueOutsideTheAgreedCoordinates() {
        Rounds r = new Rounds(7, 100);
        RoundInput in = r.input(0, 4, List.of());
        PipelineConfig masked = PipelineConfig.NO_FILTERS.withFrl(
                io.fedp2p.robustness.filter.FrlFilterConfig.DEFAULTS.withConsensusMask(true, 0.1));

        MixOutcome o = new RobustPipeline(masked)
                .stepZero(in, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(0));

        int same = 0;
        for (int e = 0; e < 100; e++) if (o.mixed()[e] == in.ownTheta()[e]) same++;
        assertThat(same).isEqualTo(80); // 10 lowest and 10 highest consensus ranks mix, 80 keep θ_i
    }
}
