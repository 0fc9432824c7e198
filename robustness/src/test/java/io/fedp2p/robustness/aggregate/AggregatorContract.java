package io.fedp2p.robustness.aggregate;

import static io.fedp2p.robustness.TestVectors.vec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.robustness.TestVectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every aggregation rule must do; each rule's test extends this. */
abstract class AggregatorContract {
    /** The rule under test, for sets of 7 vectors with an own vector. */
    abstract Aggregator create();

    @Test
    void returnsTheCommonVectorWhenAllInputsAgree() {
        float[] v = vec(1, -2, 3);
        List<float[]> xs = List.of(v.clone(), v.clone(), v.clone(), v.clone(), v.clone(), v.clone(), v.clone());

        Aggregate out = create().aggregate(VectorSet.uniform(xs, 0));

        assertThat(out.vector()).containsExactly(1f, -2f, 3f);
    }

    @Test
    void neverModifiesItsInputs() {
        List<float[]> xs = TestVectors.around(TestVectors.rng(3), vec(0, 0, 0, 0), 7, 1);
        List<float[]> copies = new ArrayList<>();
        for (float[] x : xs) copies.add(x.clone());

        create().aggregate(VectorSet.uniform(xs, 0));

        for (int k = 0; k < xs.size(); k++) assertThat(xs.get(k)).containsExactly(copies.get(k));
    }

    @Test
    void reportsAVerdictAndScorePerVector() {
        List<float[]> xs = TestVectors.around(TestVectors.rng(4), vec(0, 0), 7, 1);

        Aggregate out = create().aggregate(VectorSet.uniform(xs, 0));

        assertThat(out.size()).isEqualTo(7);
        assertThat(out.scores()).hasSize(7);
        assertThat(out.accepted()).isNotEmpty();
    }
}
