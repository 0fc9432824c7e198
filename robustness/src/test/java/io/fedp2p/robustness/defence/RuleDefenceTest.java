package io.fedp2p.robustness.defence;

import static io.fedp2p.robustness.TestVectors.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.Evaluators;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.RoundInput;
import io.fedp2p.robustness.StepInput;
import io.fedp2p.robustness.TestVectors;
import io.fedp2p.robustness.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The baseline rules used as the whole mixing step. */
class RuleDefenceTest {

    static RoundInput scalarsRound(double own, double... others) {
        List<Candidate> cs = new ArrayList<>();
        double w = 1.0 / (others.length + 1);
        for (int k = 0; k < others.length; k++) cs.add(Candidate.of(Rounds.key(k), vec(others[k]), w));
        return new RoundInput(0, vec(own), vec(0), cs);
    }

    static MixOutcome zero(String spec, RoundInput in) {
        return DefenceSpec.parse(spec)
                .create()
                .stepZero(in, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(0));
    }

    @Test
    void krumLowersFToFitTheNeighbourhoodAndKeepsTheOwnModelBelowThree() {
        // m = 5 vectors with f = 2 needs 7: f = 1 is used -> {0, 1, 2, 10, 100} selects 1
        MixOutcome o = zero("krum:f=2", scalarsRound(0, 1, 2, 10, 100));
        assertThat(o.mixed()).containsExactly(1f);
        assertThat(o.notes()).anyMatch(n -> n.contains("used f = 1"));

        MixOutcome tiny = zero("krum", scalarsRound(0, 5));
        assertThat(tiny.mixed()).containsExactly(0f);
        assertThat(tiny.decisions().get(0).verdict()).isEqualTo(Verdict.KRUM_TOO_FEW);
    }

    @Test
    void malformedVectorsNeverReachTheRule() {
        List<Candidate> cs = List.of(
                Candidate.of(Rounds.key(0), vec(1), 0.25),
                Candidate.of(Rounds.key(1), new float[] {Float.NaN}, 0.25),
                Candidate.of(Rounds.key(2), vec(1, 2), 0.25));
        RoundInput in = new RoundInput(0, vec(0), vec(0), cs);

        MixOutcome o = zero("mean", in);

        assertThat(o.decisions().get(1).verdict()).isEqualTo(Verdict.VALIDATION_NON_FINITE);
        assertThat(o.decisions().get(2).verdict()).isEqualTo(Verdict.VALIDATION_DIMENSION);
        assertThat(o.mixed()).containsExactly(0.25f); // 0.75·0 + 0.25·1
    }

    @Test
    void clippedGossipFixesTauAtStepZero() {
        // own 0; neighbours 1 and 2 (W = 1/3 each). Trimmed oracle δ = 0.25: weights 1/3 > δ, nothing dropped:
        // τ = sqrt((1/3·1 + 1/3·4)/0.25) = 2.582; no clipping at step 0.
        Defence cg = DefenceSpec.parse("clipped-gossip").create();
        MixOutcome o =
                cg.stepZero(scalarsRound(0, 1, 2), RobustnessState.initial(), Evaluators.none(), TestVectors.rng(0));
        double tau = Math.sqrt((1.0 / 3 + 4.0 / 3) / 0.25);
        assertThat(o.context().tau()).isCloseTo(tau, within(1e-9));
        assertThat(o.mixed()[0]).isCloseTo(1f, within(1e-6f));

        // step 1: a neighbour at 100 is clipped to τ: 0 + (1/3)·τ + (1/3)·1
        StepInput step = new StepInput(
                1,
                vec(0),
                List.of(Candidate.of(Rounds.key(0), vec(100), 1.0 / 3), Candidate.of(Rounds.key(1), vec(1), 1.0 / 3)));
        MixOutcome one = cg.step(o.context(), step, Evaluators.none(), TestVectors.rng(0));
        assertThat(one.mixed()[0]).isCloseTo((float) ((tau + 1) / 3), within(1e-5f));
    }

    @Test
    void centeredClippingStartsFromTheRoundStartModel() {
        // own θ = 1 with Δ = 1: round start 0, the previous output; inputs {1, 1, 10} with τ = 1:
        // v = 0 + (1/3)(1 + 1 + 1) = 1
        List<Candidate> cs =
                List.of(Candidate.of(Rounds.key(0), vec(1), 1.0 / 3), Candidate.of(Rounds.key(1), vec(10), 1.0 / 3));
        RoundInput in = new RoundInput(0, vec(1), vec(1), cs);

        assertThat(zero("centered-clipping:tau=1", in).mixed()[0]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void rulesKeepNoStateAcrossRounds() {
        Defence median = DefenceSpec.parse("median").create();
        MixOutcome o = median.stepZero(
                scalarsRound(0, 1, 2), RobustnessState.initial(), Evaluators.none(), TestVectors.rng(0));

        assertThat(median.endRound(o.context(), Map.of(PeerKey.of("x"), vec(1))))
                .isSameAs(RobustnessState.initial());
        assertThat(o.mixed()).containsExactly(1f);
    }

    @Test
    void mostNamesMixEveryStep() {
        for (String name : List.of("mean", "median", "trimmed-mean", "geometric-median", "balance", "mozi")) {
            Defence def = DefenceSpec.parse(name).create();
            MixOutcome o = def.stepZero(
                    scalarsRound(0, 0.1, 0.2, 0.3), RobustnessState.initial(), Evaluators.none(), TestVectors.rng(0));
            MixOutcome one = def.step(
                    o.context(),
                    new StepInput(1, o.mixed(), List.of(Candidate.of(Rounds.key(0), vec(0.1), 0.25))),
                    Evaluators.none(),
                    TestVectors.rng(0));
            assertThat(one.mixed()).as(name).hasSize(1);
            assertThat(Float.isFinite(one.mixed()[0])).as(name).isTrue();
        }
    }
}
