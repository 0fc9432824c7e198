package io.fedp2p.robustness.defence;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.Evaluators;
import io.fedp2p.robustness.NeighbourState;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.RoundInput;
import io.fedp2p.robustness.TestVectors;
import io.fedp2p.robustness.Verdict;
import io.fedp2p.robustness.filter.Screening;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ALGORITHMS.md §8 step 4 and §4.6.4, through the pipeline with only validation on. */
class ValidationStageTest {
    static final RobustPipeline VALIDATION_ONLY = new RobustPipeline(
            PipelineConfig.NO_FILTERS.withValidation(io.fedp2p.robustness.filter.ValidationConfig.DEFAULTS));

    @Test
    void rejectsEachKindOfMalformedMessageWithItsReason() {
        Rounds r = new Rounds(1, 20);
        RoundInput base = r.input(0, 4, List.of());
        List<Candidate> cs = new ArrayList<>(base.candidates());
        float[] nan = cs.get(0).theta().clone();
        nan[3] = Float.NaN;
        float[] infDelta = cs.get(1).delta().clone();
        infDelta[0] = Float.POSITIVE_INFINITY;
        cs.set(0, Candidate.withDelta(cs.get(0).key(), nan, cs.get(0).delta(), 0.2));
        cs.set(1, Candidate.withDelta(cs.get(1).key(), cs.get(1).theta(), infDelta, 0.2));
        cs.set(2, Candidate.withDelta(cs.get(2).key(), new float[19], new float[19], 0.2));
        cs.set(3, Candidate.of(cs.get(3).key(), cs.get(3).theta(), 0.2));
        RoundInput in = new RoundInput(0, base.ownTheta(), base.ownDelta(), cs);

        Screening s = VALIDATION_ONLY.screen(in, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(0));

        assertThat(s.verdict(0)).isEqualTo(Verdict.VALIDATION_NON_FINITE);
        assertThat(s.verdict(1)).isEqualTo(Verdict.VALIDATION_NON_FINITE);
        assertThat(s.verdict(2)).isEqualTo(Verdict.VALIDATION_DIMENSION);
        assertThat(s.verdict(3)).isEqualTo(Verdict.VALIDATION_MISSING_DELTA);
    }

    @Test
    void normBoundIsRelativeToTheMedianAndToTheCap() {
        Rounds r = new Rounds(2, 20);
        RoundInput in = r.input(0, 4, List.of(Vectors.scale(r.honestDelta(), 30), Vectors.scale(r.honestDelta(), 3)));

        Screening s = VALIDATION_ONLY.screen(in, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(0));
        assertThat(s.verdict(4)).isEqualTo(Verdict.VALIDATION_NORM);
        assertThat(s.verdict(5)).isEqualTo(Verdict.ACCEPTED);

        double cap = s.score("delta-norm").orElseThrow()[5] * 0.99;
        RobustPipeline capped = new RobustPipeline(PipelineConfig.NO_FILTERS.withValidation(
                io.fedp2p.robustness.filter.ValidationConfig.DEFAULTS.withNormCap(cap)));
        assertThat(capped.screen(in, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(0))
                        .verdict(5))
                .isEqualTo(Verdict.VALIDATION_NORM);
    }

    @Test
    void plausibilityFailuresRejectOnlyOnTheThirdInFiveRounds() {
        Rounds r = new Rounds(3, 20);
        RoundInput honest = r.input(7, 3, List.of());
        Candidate c = honest.candidates().get(0);
        // the implied round-start model θ − Δ is `start`; a stored last-step model far from it fails the check
        float[] farPrevious = Vectors.addScaled(r.start, 1, r.direction);
        Candidate reported = c.withReportedResidual(0.01);
        RoundInput in = new RoundInput(
                7,
                honest.ownTheta(),
                honest.ownDelta(),
                List.of(
                        reported,
                        honest.candidates().get(1),
                        honest.candidates().get(2)));
        PeerKey k = c.key();

        RobustnessState once = RobustnessState.of(Map.of(k, NeighbourState.joined(0.3, 0, 10)), Map.of(k, farPrevious));
        Screening first = VALIDATION_ONLY.screen(in, once, Evaluators.none(), TestVectors.rng(0));
        assertThat(first.verdict(0)).isEqualTo(Verdict.ACCEPTED);
        assertThat(first.plausibilityFailed(0)).isTrue();

        NeighbourState twoFailures = new NeighbourState(0.3, 10, NeighbourState.Status.ACTIVE, Long.MIN_VALUE, 0b101);
        RobustnessState twice = RobustnessState.of(Map.of(k, twoFailures), Map.of(k, farPrevious));
        assertThat(VALIDATION_ONLY
                        .screen(in, twice, Evaluators.none(), TestVectors.rng(0))
                        .verdict(0))
                .isEqualTo(Verdict.VALIDATION_PLAUSIBILITY);

        // the consistent previous model passes whatever the history
        RobustnessState consistent = RobustnessState.of(Map.of(k, twoFailures), Map.of(k, r.start));
        Screening ok = VALIDATION_ONLY.screen(in, consistent, Evaluators.none(), TestVectors.rng(0));
        assertThat(ok.verdict(0)).isEqualTo(Verdict.ACCEPTED);
        assertThat(ok.plausibilityFailed(0)).isFalse();
    }
}
