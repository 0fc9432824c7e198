package io.fedp2p.node.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.node.SeedTree;
import io.fedp2p.node.TestFixtures;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.PartitionSpec;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine-facing trainer on a small Fashion-MNIST subset: determinism, learning, the node's own data. */
class VisionTrainerTest {
    private static VisionTask task;

    @BeforeAll
    static void build() {
        EngineSetup.configure(1, 0);
        task = VisionTask.create(
                TestFixtures.small(),
                TestFixtures.smallTransferBackbone(),
                AdapterSpec.of(AdapterKind.FFA_LORA, List.of("fc1")),
                new VisionTaskConfig(4, new PartitionSpec.Shards(2), 11, 500, 300, 10, true, 64, 0.05f / 100, null),
                ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        task.close();
    }

    private static float[] train(int node, long seed, RoundPlan plan) {
        try (LocalTrainer t = task.trainer(node, new SeedTree(seed).rng("node", node), y -> y)) {
            return t.train(task.initialVector(), plan).vector();
        }
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() {
        RoundPlan plan = new RoundPlan(0, 5, 16, 0.05f, 0.01f, 0.9f, 1f, false);
        float[] a = train(1, 3, plan);
        float[] b = train(1, 3, plan);
        float[] c = train(1, 4, plan);
        assertThat(Arrays.equals(a, b)).isTrue();
        assertThat(Arrays.equals(a, c)).isFalse();
    }

    @Test
    void startVectorIsNotModifiedAndBadVectorsAreRejected() {
        float[] start = task.initialVector();
        float[] copy = start.clone();
        try (LocalTrainer t = task.trainer(0, new SeedTree(1).rng("node", 0), y -> y)) {
            t.train(start, RoundPlan.sgd(0, 2, 8, 0.1f));
            assertThat(start).containsExactly(copy);
            assertThatThrownBy(() -> t.train(new float[3], RoundPlan.sgd(0, 1, 8, 0.1f)))
                    .hasMessageContaining("layout needs");
            float[] nan = task.initialVector();
            nan[5] = Float.NaN;
            assertThatThrownBy(() -> t.train(nan, RoundPlan.sgd(0, 1, 8, 0.1f))).hasMessageContaining("component 5");
        }
    }

    @Test
    void divergingTrainingThrowsAClearError() {
        try (LocalTrainer t = task.trainer(0, new SeedTree(1).rng("node", 0), y -> y)) {
            assertThatThrownBy(() -> t.train(task.initialVector(), RoundPlan.sgd(0, 50, 32, 3e38f)))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageContaining("node 0");
        }
    }

    @Test
    void shortRunImprovesTestAccuracyOverTheFrozenBackbone() {
        // one node holding the whole pool would be the centralized baseline; here node 0 of a 1-node task
        try (VisionTask one = VisionTask.create(
                        TestFixtures.small(),
                        TestFixtures.smallTransferBackbone(),
                        AdapterSpec.of(AdapterKind.FFA_LORA, List.of("fc1")),
                        new VisionTaskConfig(1, new PartitionSpec.Iid(), 11, 500, 0, 10, true, 64, 0.05f / 100, null),
                        ProgressListener.NONE);
                LocalTrainer t = one.trainer(0, new SeedTree(2).rng("node", 0), y -> y)) {
            float[] theta = one.initialVector();
            double before = t.evaluate(theta, one.testSet()).accuracy();
            theta = t.train(theta, new RoundPlan(0, 120, 32, 0.05f, 0f, 0.9f, 0f, false))
                    .vector();
            double after = t.evaluate(theta, one.testSet()).accuracy();
            // the backbone has seen classes 0–4 only (≈ half the accuracy); the head learns 5–9 quickly
            assertThat(after).isGreaterThan(before + 0.15);
        }
    }

    @Test
    void familiarClassesAndValidationSliceFollowTheNodesShards() {
        try (LocalTrainer t = task.trainer(2, new SeedTree(1).rng("node", 2), y -> y)) {
            int[] familiar = t.familiarClasses();
            assertThat(familiar.length).isBetween(1, 4);
            EvalSet v = t.localValidation();
            assertThat(v.size()).isLessThanOrEqualTo(10 * familiar.length).isGreaterThan(0);
            for (int i = 0; i < v.size(); i++) {
                int y = TestFixtures.small().train().label(v.index(i));
                assertThat(familiar).contains(y);
            }
        }
    }

    @Test
    void labelMapChangesTheTrainingLossButNotTheLabelsOfEvaluation() {
        float[] theta = task.initialVector();
        try (LocalTrainer honest = task.trainer(0, new SeedTree(1).rng("node", 0), y -> y);
                LocalTrainer flipped = task.trainer(0, new SeedTree(1).rng("node", 0), y -> 9 - y)) {
            LocalBatch b1 = honest.drawBatch(32);
            LocalBatch b2 = flipped.drawBatch(32);
            assertThat(b1.indices()).containsExactly(b2.indices());
            assertThat(flipped.minibatchLoss(theta, b2)).isNotEqualTo(honest.minibatchLoss(theta, b1));
            assertThat(flipped.evaluate(theta, task.testSet()).accuracy())
                    .isEqualTo(honest.evaluate(theta, task.testSet()).accuracy());
        }
    }

    @Test
    void batchedEvaluationEqualsOneByOne() {
        float[] a = task.initialVector();
        float[] b = train(0, 1, RoundPlan.sgd(0, 3, 16, 0.05f));
        List<Evaluation> both = task.evaluateAll(List.of(a, b), task.testSet());
        try (LocalTrainer t = task.trainer(3, new SeedTree(1).rng("node", 3), y -> y)) {
            assertThat(both.get(1).accuracy())
                    .isEqualTo(t.evaluate(b, task.testSet()).accuracy());
            assertThat(both.get(0).meanLoss())
                    .isEqualTo(t.evaluate(a, task.testSet()).meanLoss());
        }
    }

    @Test
    void closedTrainerRefusesWork() {
        LocalTrainer t = task.trainer(0, new SeedTree(1).rng("node", 0), y -> y);
        t.close();
        t.close();
        assertThatThrownBy(() -> t.drawBatch(4)).isInstanceOf(IllegalStateException.class);
    }
}
