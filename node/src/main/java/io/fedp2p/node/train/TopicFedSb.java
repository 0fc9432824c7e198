package io.fedp2p.node.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import io.fedp2p.node.adapter.LayerShape;
import io.fedp2p.node.encoder.BertEncoder;
import io.fedp2p.node.encoder.TokenBatch;
import io.fedp2p.node.model.Scalars;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local half of the LoRA-SB initialisation on an encoder (ALGORITHMS.md §7.3 step 1): the mean full-weight
 * gradient {@code G} of each target dense layer at the frozen model (initial head), by autograd on a zero
 * {@code ΔW} added to the layer, in batches of {@link #BATCH}.
 */
final class TopicFedSb {
    private static final int BATCH = 16;

    private TopicFedSb() {}

    /** Row-major {@code out × in} gradients in fp64, averaged over the samples. */
    static Map<String, double[]> gradient(
            BertEncoder encoder,
            TopicFeatures features,
            List<LayerShape> targets,
            float[] headW,
            float[] headB,
            int[] samples,
            int[] labels) {
        Map<String, double[]> sum = new TreeMap<>();
        for (LayerShape t : targets) sum.put(t.name(), new double[t.out() * t.in()]);
        int h = encoder.config().hidden();
        int c = headB.length;
        float scale = TopicNet.HEAD_SCALE;
        for (int s = 0; s < samples.length; s += BATCH) {
            int[] idx = Arrays.copyOfRange(samples, s, Math.min(samples.length, s + BATCH));
            int[] y = new int[idx.length];
            for (int i = 0; i < idx.length; i++) y[i] = labels[idx[i]];
            try (NDManager m = EngineSetup.engine().newBaseManager()) {
                Map<String, NDArray> d = new HashMap<>();
                for (LayerShape t : targets) {
                    NDArray z = m.zeros(new Shape(t.out(), t.in()));
                    z.setRequiresGradient(true);
                    d.put(t.name(), z);
                }
                TokenBatch b = features.batch(EvalSet.Source.TRAIN, idx);
                NDArray x0 = features.level == TopicFeatures.Level.TOKENS
                        ? encoder.embed(m, b)
                        : features.rows(m, EvalSet.Source.TRAIN, idx, b);
                NDArray w = m.create(headW, new Shape(c, h));
                NDArray bias = m.create(headB);
                Autograd.backward(() -> {
                    NDArray x = encoder.layers(
                            features.frozenLayers,
                            encoder.config().layers(),
                            x0,
                            encoder.maskBias(m, b),
                            (dense, in) -> d.containsKey(dense)
                                    ? in.matMul(d.get(dense).transpose())
                                    : null);
                    NDArray logits = Linear.linear(Scalars.mul(encoder.pool(m, x, b), scale), w, bias)
                            .singletonOrThrow();
                    // summed (not averaged) per batch; divided by the sample count below
                    return Scalars.mul(ConfusionCounter.crossEntropy(logits, y, c), idx.length);
                });
                for (LayerShape t : targets) {
                    float[] g = d.get(t.name()).getGradient().toFloatArray();
                    double[] acc = sum.get(t.name());
                    for (int i = 0; i < g.length; i++) acc[i] += g[i];
                }
            }
        }
        for (double[] acc : sum.values()) for (int i = 0; i < acc.length; i++) acc[i] /= samples.length;
        return sum;
    }
}
