package io.fedp2p.sim.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.node.SeedTree;
import io.fedp2p.node.data.PartitionSpec;
import io.fedp2p.node.train.EvalSet;
import io.fedp2p.node.train.Evaluation;
import io.fedp2p.node.train.LocalBatch;
import io.fedp2p.node.train.LocalTrainer;
import io.fedp2p.node.train.RoundPlan;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorTaskTest {
    private static final VectorSpec SPEC = new VectorSpec(6, 4, 4.0, 40, 400, 200, 5);

    private static VectorTask task(PartitionSpec p) {
        return VectorTask.create(SPEC, 5, p, 3);
    }

    @Test
    void layoutIsAHeadOfBiasAndWeights() {
        VectorTask t = task(new PartitionSpec.Iid());
        assertThat(t.dimension()).isEqualTo(4 * 7);
        assertThat(t.layout().describe()).isEqualTo("head.bias[4];head.weight[4, 6];");
        assertThat(t.adapterSpec().describe()).isEqualTo("head");
        assertThat(t.initialVector()).containsOnly(0f);
        assertThat(t.numNodes()).isEqualTo(5);
        assertThat(t.testSet().size()).isEqualTo(400);
        assertThat(t.partition().size(0) + t.partition().size(4)).isGreaterThan(0);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        VectorTask t = task(new PartitionSpec.Iid());
        SplittableRandom r = new SplittableRandom(1);
        float[] theta = new float[t.dimension()];
        for (int i = 0; i < theta.length; i++) theta[i] = (float) (0.3 * r.nextGaussian());
        int[] idx = {0, 3, 5, 9, 11};
        int[] y = new int[idx.length];
        for (int i = 0; i < idx.length; i++) y[i] = t.data.trainY[idx[i]];
        float[] grad = new float[theta.length];
        Softmax.lossAndGradient(theta, 4, 6, t.data.trainX, idx, y, grad);
        float[] g2 = new float[theta.length];
        for (int i = 0; i < theta.length; i += 3) {
            float[] p = theta.clone();
            float[] m = theta.clone();
            p[i] += 1e-2f;
            m[i] -= 1e-2f;
            double fd = (Softmax.lossAndGradient(p, 4, 6, t.data.trainX, idx, y, g2)
                            - Softmax.lossAndGradient(m, 4, 6, t.data.trainX, idx, y, g2))
                    / 2e-2;
            assertThat((double) grad[i]).isCloseTo(fd, org.assertj.core.data.Offset.offset(2e-3));
        }
    }

    @Test
    void trainingIsReproducibleAndLearns() {
        VectorTask t = task(new PartitionSpec.Iid());
        RoundPlan plan = new RoundPlan(0, 30, 8, 0.3f, 0.01f, 0f, 0f, false);
        float[] a;
        float[] b;
        try (LocalTrainer x = t.trainer(1, new SeedTree(9).rng("train", 1), y -> y);
                LocalTrainer z = t.trainer(1, new SeedTree(9).rng("train", 1), y -> y)) {
            a = x.train(t.initialVector(), plan).vector();
            b = z.train(t.initialVector(), plan).vector();
        }
        assertThat(Arrays.equals(a, b)).isTrue();
        Evaluation before =
                t.evaluateAll(List.of(t.initialVector()), t.testSet()).get(0);
        Evaluation after = t.evaluateAll(List.of(a), t.testSet()).get(0);
        assertThat(before.accuracy()).isBetween(0.2, 0.3); // zeros predict class 0 for everything
        assertThat(after.accuracy()).isGreaterThan(0.6);
        assertThat(after.meanLoss()).isLessThan(before.meanLoss());
    }

    @Test
    void labelFlippingTrainsOnMappedLabelsOnly() {
        VectorTask t = task(new PartitionSpec.Iid());
        RoundPlan plan = new RoundPlan(0, 40, 8, 0.3f, 0f, 0f, 0f, false);
        float[] flipped;
        try (LocalTrainer x = t.trainer(0, new SeedTree(2).rng("train", 0), y -> 3 - y)) {
            flipped = x.train(t.initialVector(), plan).vector();
            LocalBatch batch = x.drawBatch(16);
            assertThat(x.minibatchLoss(flipped, batch)).isLessThan(x.minibatchLoss(t.initialVector(), batch));
        }
        assertThat(t.evaluateAll(List.of(flipped), t.testSet()).get(0).accuracy())
                .isLessThan(0.2);
        assertThatThrownBy(() -> t.trainer(0, new SplittableRandom(1), y -> y + 4))
                .hasMessageContaining("label map");
    }

    @Test
    void familiarClassesAndValidationFollowTheShard() {
        VectorTask t = task(new PartitionSpec.Shards(1));
        try (LocalTrainer x = t.trainer(2, new SeedTree(1).rng("train", 2), y -> y)) {
            int[] familiar = x.familiarClasses();
            assertThat(familiar).hasSizeBetween(1, 2);
            EvalSet v = x.localValidation();
            assertThat(v.size()).isLessThanOrEqualTo(5 * familiar.length);
            for (int i = 0; i < v.size(); i++) {
                assertThat(familiar).contains(t.data.trainY[v.index(i)]);
                assertThat(v.index(i)).isGreaterThanOrEqualTo(5 * 40); // from the validation pool
            }
            assertThat(x.trainSize()).isEqualTo(t.partition().size(2));
            assertThat(x.evaluate(t.initialVector(), v).count()).isEqualTo(v.size());
        }
    }

    @Test
    void specRefusesImpossibleProblems() {
        assertThatThrownBy(() -> new VectorSpec(0, 4, 1, 1, 1, 4, 1)).hasMessageContaining("features");
        assertThatThrownBy(() -> new VectorSpec(2, 1, 1, 1, 1, 4, 1)).hasMessageContaining("classes");
        assertThatThrownBy(() -> new VectorSpec(2, 4, 0, 1, 1, 4, 1)).hasMessageContaining("separation");
        assertThatThrownBy(() -> new VectorSpec(2, 4, 1, 1, 1, 3, 1)).hasMessageContaining("validationPool");
    }
}
