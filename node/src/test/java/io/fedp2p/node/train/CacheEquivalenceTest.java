package io.fedp2p.node.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fedp2p.node.SeedTree;
import io.fedp2p.node.TestFixtures;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.PartitionSpec;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.VisionArch;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ALGORITHMS.md §7.5.4: training and evaluation agree with and without the frozen-prefix cache. The cached path
 * uses hand-written gradients on cached rows, the uncached one DJL autograd on the whole network with merged dense
 * weights, so this also checks the hand-written backward of every adapter kind.
 */
class CacheEquivalenceTest {
    private static VisionTaskConfig config(boolean cache) {
        return new VisionTaskConfig(2, new PartitionSpec.Iid(), 5, 500, 200, 10, cache, 64, 0.05f / 100, null);
    }

    private static float[] randomVector(int n, long seed, float scale) {
        RandomGenerator rng = new SeedTree(seed).rng("test", 0);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (rng.nextGaussian() * scale);
        return v;
    }

    @ParameterizedTest
    @EnumSource(AdapterKind.class)
    void cachedAndUncachedPathsAgreeOnLossGradientAndTraining(AdapterKind kind) {
        EngineSetup.configure(1, 0);
        Backbone backbone = TestFixtures.smallTransferBackbone();
        AdapterSpec spec = AdapterSpec.of(kind, VisionArch.CNN.defaultTargets());
        try (VisionTask cached =
                        VisionTask.create(TestFixtures.small(), backbone, spec, config(true), ProgressListener.NONE);
                VisionTask plain =
                        VisionTask.create(TestFixtures.small(), backbone, spec, config(false), ProgressListener.NONE)) {
            assertThat(cached.layout()).isEqualTo(plain.layout());
            float[] theta = cached.initialVector();
            float[] noise = randomVector(theta.length, 3, 0.05f);
            for (int i = 0; i < theta.length; i++) theta[i] += noise[i];

            // evaluation on the test set
            Evaluation a = cached.evaluateAll(List.of(theta), cached.testSet()).get(0);
            Evaluation b = plain.evaluateAll(List.of(theta), plain.testSet()).get(0);
            assertThat(a.meanLoss()).isCloseTo(b.meanLoss(), within(1e-4));
            assertThat(Math.abs(a.accuracy() - b.accuracy())).isLessThanOrEqualTo(0.002);

            // a few SAM steps with momentum from the same start and the same data order
            RoundPlan plan = new RoundPlan(0, 3, 32, 0.05f, 0.05f, 0.9f, 0f, false);
            float[] x;
            float[] y;
            try (LocalTrainer t1 = cached.trainer(1, new SeedTree(9).rng("node", 1), c -> c);
                    LocalTrainer t2 = plain.trainer(1, new SeedTree(9).rng("node", 1), c -> c)) {
                x = t1.train(theta, plan).vector();
                y = t2.train(theta, plan).vector();
            }
            double diff = 0;
            double moved = 0;
            for (int i = 0; i < x.length; i++) {
                diff = Math.max(diff, Math.abs(x[i] - y[i]));
                moved = Math.max(moved, Math.abs(x[i] - theta[i]));
            }
            assertThat(moved).isGreaterThan(1e-4);
            assertThat(diff).isLessThan(1e-4 + 1e-3 * moved);
        }
    }
}
