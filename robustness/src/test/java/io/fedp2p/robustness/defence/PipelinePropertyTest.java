package io.fedp2p.robustness.defence;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.Evaluators;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.RoundInput;
import io.fedp2p.robustness.TestVectors;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** ALGORITHMS.md §8 properties. */
class PipelinePropertyTest {

    static RoundInput randomRound(long seed, int n, int d) {
        RandomGenerator rng = TestVectors.rng(seed);
        float[] own = TestVectors.gaussian(rng, d, 0, 1);
        List<Candidate> cs = new ArrayList<>();
        double left = 1;
        for (int k = 0; k < n; k++) {
            double w = left * rng.nextDouble() * 0.5;
            left -= w;
            cs.add(Candidate.withDelta(
                    Rounds.key(k), TestVectors.gaussian(rng, d, 0, 1), TestVectors.gaussian(rng, d, 0, 0.1), w));
        }
        return new RoundInput(seed & 0xff, own, TestVectors.gaussian(rng, d, 0, 0.1), cs);
    }

    @Property(tries = 60)
    void withoutAttackersAndFiltersThePipelineIsTheWeightedMean(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 12) int n, @ForAll @IntRange(min = 1, max = 40) int d) {
        RoundInput in = randomRound(seed, n, d);
        List<float[]> xs = new ArrayList<>(List.of(in.ownTheta()));
        double[] w = new double[n + 1];
        double rest = 1;
        for (int k = 0; k < n; k++) {
            xs.add(in.candidates().get(k).theta());
            w[k + 1] = in.candidates().get(k).weight();
            rest -= w[k + 1];
        }
        w[0] = rest;

        float[] z = new RobustPipeline(PipelineConfig.NO_FILTERS)
                .stepZero(in, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(seed))
                .mixed();

        assertThat(z).containsExactly(Vectors.weightedSum(xs, w));
    }

    @Property(tries = 40)
    void sameSeedSameOutputAndInputOrderDoesNotMatter(@ForAll long seed, @ForAll @IntRange(min = 0, max = 16) int n) {
        RoundInput in = randomRound(seed, n, 30);
        List<Candidate> reversed = new ArrayList<>(in.candidates());
        Collections.reverse(reversed);
        RoundInput other = new RoundInput(in.round(), in.ownTheta(), in.ownDelta(), reversed);
        RobustPipeline p = new RobustPipeline(PipelineConfig.DEFAULTS);

        MixOutcome a = p.stepZero(in, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(seed));
        MixOutcome b = p.stepZero(other, RobustnessState.initial(), Evaluators.none(), TestVectors.rng(seed));

        assertThat(b.mixed()).containsExactly(a.mixed());
        assertThat(b.decisions()).isEqualTo(a.decisions());
    }
}
