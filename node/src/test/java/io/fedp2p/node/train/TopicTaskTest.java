package io.fedp2p.node.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterFile;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterModel;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.FortuneTopics;
import io.fedp2p.node.data.FortuneTopicsTest;
import io.fedp2p.node.data.PartitionSpec;
import io.fedp2p.node.encoder.EncoderModel;
import io.fedp2p.node.encoder.EncoderTargets;
import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fortunes-topic} on the real all-MiniLM-L6-v2, kept cheap: 16 entries per topic, 16 tokens per entry,
 * adapters on the top layers.
 */
class TopicTaskTest {
    @TempDir
    static Path dir;

    static FortuneTopics data;
    static TopicTask ffaCached;
    static TopicTask ffaFull;

    @BeforeAll
    static void smallData() throws Exception {
        EngineSetup.configure(1, 0);
        FortuneTopicsTest.writeSmall(dir, 16);
        data = FortuneTopics.load(dir);
        ffaCached = task(AdapterKind.FFA_LORA, 4, 2, EncoderTargets.DEFAULT_ROLES);
        ffaFull = task(AdapterKind.FFA_LORA, 0, 2, EncoderTargets.DEFAULT_ROLES);
    }

    @AfterAll
    static void close() {
        ffaCached.close();
        ffaFull.close();
    }

    private static TopicTask task(AdapterKind kind, int frozenLayers, int numNodes, List<String> roles) {
        AdapterSpec spec = TopicTasks.adapterSpec(EncoderModel.MINILM, kind, 4, 8f, roles, 0.5f, 4);
        TopicTaskConfig c = TopicTaskConfig.of(EncoderModel.MINILM, numNodes, new PartitionSpec.Iid(), 3)
                .withMaxLength(16)
                .withFrozenLayers(frozenLayers);
        return TopicTask.create(data, spec, c, ProgressListener.NONE);
    }

    private static float[] perturbed(float[] v, long seed) {
        RandomGenerator rng = new SeedTree(seed).rng("noise", 0);
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) out[i] += (float) (rng.nextGaussian() * 0.05);
        return out;
    }

    @Test
    void cachedTopLayersEqualTheFullForwardAndBackward() {
        TopicTask cached = ffaCached;
        TopicTask full = ffaFull;
        assertThat(cached.layout()).isEqualTo(full.layout());
        assertThat(cached.cacheBytes()).isPositive();
        assertThat(full.cacheBytes()).isZero();
        float[] theta = perturbed(cached.initialVector(), 1);
        Evaluation a = cached.evaluateAll(List.of(theta), cached.testSet()).get(0);
        Evaluation b = full.evaluateAll(List.of(theta), full.testSet()).get(0);
        assertThat(a.confusionMatrix()).isEqualTo(b.confusionMatrix());
        assertThat(a.meanLoss()).isCloseTo(b.meanLoss(), org.assertj.core.data.Offset.offset(1e-4));
        try (LocalTrainer ta = cached.trainer(0, new SeedTree(5).rng("node", 0), y -> y);
                LocalTrainer tb = full.trainer(0, new SeedTree(5).rng("node", 0), y -> y)) {
            float[] va = ta.train(theta, RoundPlan.sgd(0, 2, 8, 0.05f)).vector();
            float[] vb = tb.train(theta, RoundPlan.sgd(0, 2, 8, 0.05f)).vector();
            for (int i = 0; i < va.length; i++) {
                assertThat(va[i]).as("component %d", i).isCloseTo(vb[i], org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
    }

    @Test
    void ffaLoraAndFedSbAverageExactlyOnTheEncoderAndLoraDoesNot() {
        assertThat(averagingGap(ffaCached)).as("ffa-lora").isLessThan(1e-6);
        try (TopicTask fedSb = task(AdapterKind.FED_SB, 4, 1, EncoderTargets.DEFAULT_ROLES);
                TopicTask lora = task(AdapterKind.LORA, 4, 1, EncoderTargets.DEFAULT_ROLES);
                TopicTask frl = task(AdapterKind.FRL_MASK, 4, 1, List.of("q", "ffn"))) {
            assertThat(averagingGap(fedSb)).as("fed-sb").isLessThan(1e-6);
            assertThat(averagingGap(lora)).as("lora").isGreaterThan(1e-3);
            for (TopicTask t : List.of(fedSb, lora, frl)) {
                // every kind trains its own tensors through the cached top layers
                try (LocalTrainer tr = t.trainer(0, new SeedTree(2).rng("node", 0), y -> y)) {
                    float[] start = t.initialVector();
                    float[] end = tr.train(start, RoundPlan.sgd(0, 1, 8, 0.05f)).vector();
                    assertThat(end).as(t.adapterSpec().describe()).isNotEqualTo(start);
                    // (an FRL step moves the scores; its mask, and so ΔW, changes only when a score crosses another)
                    if (t.adapterSpec().kind() == AdapterKind.FRL_MASK) continue;
                    for (String target : t.adapterSpec().targets()) {
                        double change = 0;
                        double[] d0 = t.adapterModel().denseDelta(target, start);
                        double[] d1 = t.adapterModel().denseDelta(target, end);
                        for (int i = 0; i < d0.length; i++) change = Math.max(change, Math.abs(d1[i] - d0[i]));
                        assertThat(change)
                                .as(target + " of " + t.adapterSpec().kind())
                                .isPositive();
                    }
                }
            }
        }
    }

    /** max over target layers of |ΔW(mean θ) − mean ΔW(θ_j)| / max |mean ΔW| for two perturbed vectors. */
    private static double averagingGap(TopicTask task) {
        AdapterModel m = task.adapterModel();
        float[][] v = {perturbed(task.initialVector(), 11), perturbed(task.initialVector(), 12)};
        float[] mean = new float[v[0].length];
        for (int i = 0; i < mean.length; i++) mean[i] = (v[0][i] + v[1][i]) / 2;
        double worst = 0;
        for (String layer : task.adapterSpec().targets()) {
            double[] ofMean = m.denseDelta(layer, mean);
            double[] d0 = m.denseDelta(layer, v[0]);
            double[] d1 = m.denseDelta(layer, v[1]);
            double gap = 0;
            double scale = 0;
            for (int i = 0; i < ofMean.length; i++) {
                double meanOf = (d0[i] + d1[i]) / 2;
                gap = Math.max(gap, Math.abs(ofMean[i] - meanOf));
                scale = Math.max(scale, Math.abs(meanOf));
            }
            worst = Math.max(worst, gap / scale);
        }
        return worst;
    }

    @Test
    void gradientsSurviveAGarbageCollectionBetweenForwardAndBackward() {
        // The backward pass reads the constants of the graph (attention scale, adapter scale s, head gain, 1/n of the
        // mean loss); a collection that frees their memory in between must not change the gradient.
        for (TopicTask task : List.of(ffaCached, ffaFull)) {
            float[] theta = perturbed(task.initialVector(), 2);
            int[] idx = {0, 1, 2, 3, 16, 17, 32, 33};
            int[] y = new int[idx.length];
            for (int i = 0; i < idx.length; i++) y[i] = task.trainLabels[idx[i]];
            float[] plain = new float[theta.length];
            float[] collected = new float[theta.length];
            try (ai.djl.ndarray.NDManager m = task.shared.newSubManager()) {
                TopicNet.Input in = task.net.input(m, EvalSet.Source.TRAIN, idx);
                task.net.lossAndGradient(m, theta, in, y, plain);
                java.util.Map<String, ai.djl.ndarray.NDArray> p = new java.util.HashMap<>();
                Autograd.backward(() -> {
                    ai.djl.ndarray.NDArray loss =
                            ConfusionCounter.crossEntropy(task.net.logits(m, theta, in, p, true), y, task.numClasses());
                    io.fedp2p.node.model.DirectMemory.freeUnreachableBuffers();
                    return loss;
                });
                for (io.fedp2p.node.adapter.ParamLayout.Entry e : task.layout().entries()) {
                    float[] g = p.get(e.name()).getGradient().toFloatArray();
                    System.arraycopy(g, 0, collected, e.offset(), e.size());
                }
            }
            assertThat(collected)
                    .as("frozen layers %d", task.config().frozenLayers())
                    .containsExactly(plain);
        }
    }

    @Test
    void trainingIsDeterministicAndLowersTheLoss() {
        TopicTask t = ffaCached;
        assertThat(t.numNodes()).isEqualTo(2);
        float[] start = t.initialVector();
        RoundPlan plan = RoundPlan.sgd(0, 6, 8, 0.01f).withMomentum(0.9f);
        try (LocalTrainer a = t.trainer(1, new SeedTree(9).rng("node", 1), y -> y);
                LocalTrainer b = t.trainer(1, new SeedTree(9).rng("node", 1), y -> y)) {
            LocalBatch batch = a.drawBatch(16);
            b.drawBatch(16);
            float before = a.minibatchLoss(start, batch);
            float[] va = a.train(start, plan).vector();
            float[] vb = b.train(start, plan).vector();
            assertThat(va).isEqualTo(vb);
            assertThat(a.minibatchLoss(va, batch)).isLessThan(before);
            assertThat(a.familiarClasses()).isNotEmpty();
            assertThat(a.localValidation().size()).isPositive();
        }
    }

    @Test
    void adaptersAreBoundToTheOnnxFileHash(@TempDir Path tmp) {
        try (TopicTask t = task(AdapterKind.HEAD, 0, 1, List.of())) {
            assertThat(t.backboneHash())
                    .isEqualTo(EncoderModel.MINILM.load().sha256())
                    .hasSize(64);
            Path f = tmp.resolve("head.fp2padpt");
            AdapterFile.save(f, t.adapterSpec(), t.layout(), t.backboneHash(), 3, t.initialVector());
            assertThat(AdapterFile.load(f, t.backboneHash()).vector()).isEqualTo(t.initialVector());
            assertThatThrownBy(() -> AdapterFile.load(f, "0".repeat(64)))
                    .hasMessageContaining("trained on backbone " + t.backboneHash());
        }
    }

    @Test
    void targetsBelowTheFrozenLayersAreRefused() {
        AdapterSpec spec =
                TopicTasks.adapterSpec(EncoderModel.MINILM, AdapterKind.FFA_LORA, 4, 8f, List.of("q"), 0.5f, 2);
        TopicTaskConfig c = TopicTaskConfig.centralized(EncoderModel.MINILM, 0).withFrozenLayers(4);
        assertThatThrownBy(() -> TopicTask.create(data, spec, c, ProgressListener.NONE))
                .hasMessageContaining("layer.2.q sits below the 4 frozen layers");
        assertThatThrownBy(() -> EncoderTargets.expand(List.of("w"), 0, 6))
                .hasMessageContaining("valid: q, k, v, o, ffn");
    }
}
