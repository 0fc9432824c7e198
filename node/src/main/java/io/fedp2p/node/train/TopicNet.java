package io.fedp2p.node.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterModel;
import io.fedp2p.node.adapter.LayerShape;
import io.fedp2p.node.adapter.ParamLayout;
import io.fedp2p.node.encoder.BertEncoder;
import io.fedp2p.node.encoder.TokenBatch;
import io.fedp2p.node.model.Scalars;
import java.util.HashMap;
import java.util.Map;

/**
 * The trainable part of a {@link TopicTask}: the encoder's layers from L up with each adapted dense layer adding
 * {@code s·B·M·A·x} (factorised, never a dense ΔW), pooling, and the classification head on {@code HEAD_SCALE·e},
 * where {@code e} is the L2-normalised sentence embedding.
 *
 * <p>Gradients come from DJL autograd (serialised per process by {@link Autograd}); frozen arrays sit in the task's
 * shared manager and never require gradients. Thread-safe.
 */
final class TopicNet {
    /** A batch's input to the trainable part: the padded tokens and the cached rows (or embeddings). */
    record Input(TokenBatch batch, NDArray x) {}

    private final BertEncoder encoder;
    private final AdapterModel adapter;
    private final TopicFeatures features;
    private final Map<String, NDArray> frozenAt = new HashMap<>();
    private final Map<String, NDArray> frozenBt = new HashMap<>();
    private final Map<String, NDArray> frozenR0 = new HashMap<>();
    /**
     * SPEC-GAP: the issue fixes the sentence embedding (unit norm) but not how the head reads it. A fixed gain of 4
     * lets a head of moderate norm reach confident logits at the SGD learning rates the adapters also use; on the
     * frozen MiniLM embeddings a linear probe reaches the same accuracy with gains 1 to 4 (at lr 0.3 to 0.03), and
     * √h (unit variance per coordinate) needed a 30× smaller learning rate.
     */
    static final float HEAD_SCALE = 4f;

    private final float headScale = HEAD_SCALE;

    TopicNet(BertEncoder encoder, AdapterModel adapter, TopicFeatures features, NDManager shared) {
        this.encoder = encoder;
        this.adapter = adapter;
        this.features = features;
        AdapterKind kind = adapter.spec().kind();
        int r = adapter.spec().rank();
        float[] init = adapter.initialVector();
        for (LayerShape t : adapter.targets()) {
            if (kind != AdapterKind.LORA) {
                frozenAt.put(t.name(), transposed(shared, adapter.a(t.name(), init), r, t.in()));
            }
            if (kind == AdapterKind.FED_SB || kind == AdapterKind.FRL_MASK) {
                frozenBt.put(t.name(), transposed(shared, adapter.b(t.name(), init), t.out(), r));
            }
            if (kind == AdapterKind.FRL_MASK)
                frozenR0.put(t.name(), shared.create(adapter.r0(t.name()), new Shape(r, r)));
        }
    }

    private static NDArray transposed(NDManager m, float[] v, int rows, int cols) {
        return m.create(v, new Shape(rows, cols)).transpose().duplicate();
    }

    /** The input rows of some entries of a table, in {@code m}. */
    Input input(NDManager m, EvalSet.Source source, int[] idx) {
        TokenBatch b = features.batch(source, idx);
        NDArray x =
                features.level == TopicFeatures.Level.TOKENS ? encoder.embed(m, b) : features.rows(m, source, idx, b);
        return new Input(b, x);
    }

    /** Logits {@code n × C}; θ's tensors are created in {@code m} and put into {@code trainables}. */
    NDArray logits(NDManager m, float[] theta, Input in, Map<String, NDArray> trainables, boolean grad) {
        ParamLayout l = adapter.layout();
        for (ParamLayout.Entry e : l.entries()) {
            NDArray a = m.create(l.slice(theta, e.name()), new Shape(e.shapeArray()));
            if (grad) a.setRequiresGradient(true);
            trainables.put(e.name(), a);
        }
        return head(m, pooled(m, in, (dense, x) -> delta(m, dense, x, theta, trainables)), trainables);
    }

    /** The sentence embeddings of a batch with the given adapter hook (the cached embeddings when all is frozen). */
    NDArray pooled(NDManager m, Input in, BertEncoder.DenseHook hook) {
        if (features.level == TopicFeatures.Level.POOLED) return in.x();
        NDArray bias = encoder.maskBias(m, in.batch());
        NDArray x = encoder.layers(features.frozenLayers, encoder.config().layers(), in.x(), bias, hook);
        return encoder.pool(m, x, in.batch());
    }

    NDArray head(NDManager m, NDArray pooled, Map<String, NDArray> p) {
        return Linear.linear(Scalars.mul(pooled, headScale), p.get("head.weight"), p.get("head.bias"))
                .singletonOrThrow();
    }

    /** {@code s·B·M·A·x} of one adapted dense layer, or null when it is not adapted. */
    private NDArray delta(NDManager m, String dense, NDArray x, float[] theta, Map<String, NDArray> p) {
        if (!adapter.spec().targets().contains(dense)) return null;
        AdapterKind kind = adapter.spec().kind();
        NDArray u = kind == AdapterKind.LORA
                ? x.matMul(p.get(AdapterModel.loraA(dense)).transpose())
                : x.matMul(frozenAt.get(dense));
        float s = adapter.spec().scale();
        if (kind == AdapterKind.LORA || kind == AdapterKind.FFA_LORA) {
            return Scalars.mul(u.matMul(p.get(AdapterModel.loraB(dense)).transpose()), s);
        }
        NDArray mix;
        if (kind == AdapterKind.FED_SB) {
            mix = p.get(AdapterModel.sbR(dense));
        } else {
            NDArray scores = p.get(AdapterModel.frlScores(dense));
            int r = adapter.spec().rank();
            float[] mask = AdapterModel.frlMask(
                    adapter.layout().slice(theta, AdapterModel.frlScores(dense)),
                    adapter.spec().frlKeep());
            // straight-through (ALGORITHMS.md §3.1): forward uses the mask, backward passes through to the scores
            mix = m.create(mask, new Shape(r, r))
                    .add(scores)
                    .sub(scores.stopGradient())
                    .mul(frozenR0.get(dense));
        }
        return Scalars.mul(u.matMul(mix.transpose()).matMul(frozenBt.get(dense)), s);
    }

    /** Writes ∂L/∂θ into {@code grad} (layout order) and returns the mean cross-entropy L. */
    float lossAndGradient(NDManager m, float[] theta, Input in, int[] labels, float[] grad) {
        Map<String, NDArray> p = new HashMap<>();
        int c = adapter.head().out();
        float loss = Autograd.backward(() -> ConfusionCounter.crossEntropy(logits(m, theta, in, p, true), labels, c));
        for (ParamLayout.Entry e : adapter.layout().entries()) {
            System.arraycopy(p.get(e.name()).getGradient().toFloatArray(), 0, grad, e.offset(), e.size());
        }
        return loss;
    }

    /** Mean cross-entropy without gradients. */
    float loss(NDManager m, float[] theta, Input in, int[] labels) {
        NDArray logits = logits(m, theta, in, new HashMap<>(), false);
        return ConfusionCounter.crossEntropy(logits, labels, adapter.head().out())
                .getFloat();
    }
}
