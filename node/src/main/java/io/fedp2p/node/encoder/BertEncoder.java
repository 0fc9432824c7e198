package io.fedp2p.node.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.LayerNorm;
import io.fedp2p.node.model.Scalars;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A BERT encoder on DJL, functional like fedp2p's other models: the imported weights sit frozen in one native
 * manager and each block is a method from arrays to arrays, so autograd reaches only the adapter tensors a caller
 * creates per step.
 *
 * <pre>
 * embeddings  x = LN(word[ids] + position[0..t) + type[0])
 * layer l     a = LN₁(x + o(MHA(q(x), k(x), v(x), mask)));  x' = LN₂(a + ffn_out(GELU(ffn_in(a))))
 * pooling     mean of x over the mask (or x[CLS]), then divided by its L2 norm
 * </pre>
 *
 * Each dense role is {@code x·W0ᵀ + b} ({@link FrozenDense}; q, k and v as one stacked product) plus
 * whatever the {@link DenseHook} adds (the adapter's {@code s·B·M·A·x}). Inputs are single sentences, so every
 * token type is 0 (BERT's first segment).
 *
 * <p>Thread-safe: the frozen arrays are only read; results land in the caller's manager. Close it to free the
 * frozen arrays.
 */
public final class BertEncoder implements AutoCloseable {
    /** Adds an adapter's output to a dense layer: returns the extra term for input x, or null. */
    @FunctionalInterface
    public interface DenseHook {
        DenseHook NONE = (dense, x) -> null;

        NDArray delta(String dense, NDArray x);
    }

    private static final float MASKED = -1e9f;

    private final PretrainedEncoder weights;
    private final BertConfig c;
    private final NDManager manager;
    private final Map<String, NDArray> frozen = new HashMap<>();
    private final Map<String, FrozenDense> dense = new HashMap<>();

    public BertEncoder(PretrainedEncoder weights, NDManager parent) {
        this.weights = weights;
        this.c = weights.config();
        this.manager = parent.newSubManager();
        for (String n : weights.names()) {
            frozen.put(n, manager.create(weights.param(n), new Shape(weights.shape(n))));
        }
        for (int l = 0; l < c.layers(); l++) {
            String p = "layer." + l + ".";
            frozen.put(
                    p + "qkv.weight",
                    NDArrays.concat(new NDList(param(p + "q.weight"), param(p + "k.weight"), param(p + "v.weight"))));
            frozen.put(
                    p + "qkv.bias",
                    NDArrays.concat(new NDList(param(p + "q.bias"), param(p + "k.bias"), param(p + "v.bias"))));
            for (String role : List.of("qkv", "o", "ffn_in", "ffn_out")) {
                dense.put(p + role, new FrozenDense(param(p + role + ".weight"), param(p + role + ".bias")));
            }
        }
    }

    public PretrainedEncoder weights() {
        return weights;
    }

    public BertConfig config() {
        return c;
    }

    /** The frozen {@code [out, in]} weight of a dense layer ({@code layer.i.role}). */
    public NDArray frozenWeight(String dense) {
        return param(dense + ".weight");
    }

    private NDArray param(String n) {
        NDArray a = frozen.get(n);
        if (a == null) throw new IllegalArgumentException("no parameter " + n);
        return a;
    }

    /** Embeddings {@code n × t × h} of a batch, in {@code m}. */
    public NDArray embed(NDManager m, TokenBatch b) {
        if (b.length() > c.maxPositions()) {
            throw new IllegalArgumentException(b.length() + " tokens exceed the model's " + c.maxPositions());
        }
        NDArray ids = m.create(b.ids());
        NDArray x = param("emb.word").get(m, new NDIndex("{}", ids)).reshape(b.size(), b.length(), c.hidden());
        x = x.add(param("emb.position").get(m, new NDIndex("0:" + b.length())));
        x = x.add(param("emb.type").get(m, new NDIndex("0")));
        return layerNorm(x, "emb.ln");
    }

    /** The additive attention bias {@code n × 1 × 1 × t}: 0 for tokens, −1e9 for padding. */
    public NDArray maskBias(NDManager m, TokenBatch b) {
        float[] mask = b.mask();
        float[] bias = new float[mask.length];
        for (int i = 0; i < mask.length; i++) bias[i] = mask[i] > 0 ? 0f : MASKED;
        return m.create(bias, new Shape(b.size(), 1, 1, b.length()));
    }

    /** Layer {@code l} on hidden states {@code n × t × h}. */
    public NDArray layer(int l, NDArray x, NDArray maskBias, DenseHook hook) {
        long n = x.getShape().get(0);
        long t = x.getShape().get(1);
        // q, k and v in one matrix product (the frozen weights stacked), then each role's adapter term
        NDList qkv = linear("layer." + l + ".qkv", x).split(3, 2);
        NDArray q =
                heads(Scalars.mul(withDelta(l, "q", x, qkv.get(0), hook), 1 / (float) Math.sqrt(c.headSize())), n, t);
        NDArray k = heads(withDelta(l, "k", x, qkv.get(1), hook), n, t);
        NDArray v = heads(withDelta(l, "v", x, qkv.get(2), hook), n, t);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).add(maskBias);
        NDArray ctx = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(n, t, c.hidden());
        NDArray a = layerNorm(x.add(dense(l, "o", ctx, hook)), "layer." + l + ".ln1");
        NDArray f = dense(l, "ffn_out", Activation.gelu(dense(l, "ffn_in", a, hook)), hook);
        return layerNorm(a.add(f), "layer." + l + ".ln2");
    }

    /** Layers {@code from..to−1} on hidden states. */
    public NDArray layers(int from, int to, NDArray x, NDArray maskBias, DenseHook hook) {
        for (int l = from; l < to; l++) x = layer(l, x, maskBias, hook);
        return x;
    }

    /** The L2-normalised sentence embeddings {@code n × h} of the last hidden states. */
    public NDArray pool(NDManager m, NDArray x, TokenBatch b) {
        NDArray pooled;
        if (weights.pooling() == Pooling.CLS) {
            pooled = x.get(new NDIndex(":, 0, :"));
        } else {
            NDArray mask = m.create(b.mask(), new Shape(b.size(), b.length(), 1));
            pooled = x.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}));
        }
        NDArray norm = Scalars.maximum(pooled.square().sum(new int[] {1}, true).sqrt(), 1e-12f);
        return pooled.div(norm);
    }

    /** The whole encoder: token ids to L2-normalised sentence embeddings {@code n × h}. */
    public NDArray embedSentences(NDManager m, TokenBatch b) {
        NDArray x = layers(0, c.layers(), embed(m, b), maskBias(m, b), DenseHook.NONE);
        return pool(m, x, b);
    }

    private NDArray dense(int l, String role, NDArray x, DenseHook hook) {
        String name = PretrainedEncoder.dense(l, role);
        NDArray y = linear(name, x);
        NDArray extra = hook.delta(name, x);
        return extra == null ? y : y.add(extra);
    }

    /** The frozen {@code x·Wᵀ + b} of a dense layer ({@link FrozenDense}: oneDNN's 1×1 convolution). */
    private NDArray linear(String name, NDArray x) {
        return dense.get(name).apply(x);
    }

    private static NDArray withDelta(int l, String role, NDArray x, NDArray y, BertEncoder.DenseHook hook) {
        NDArray extra = hook.delta(PretrainedEncoder.dense(l, role), x);
        return extra == null ? y : y.add(extra);
    }

    private NDArray heads(NDArray x, long n, long t) {
        return x.reshape(n, t, c.heads(), c.headSize()).transpose(0, 2, 1, 3);
    }

    private NDArray layerNorm(NDArray x, String name) {
        return LayerNorm.layerNorm(
                        x, new Shape(c.hidden()), param(name + ".gamma"), param(name + ".beta"), c.layerNormEps())
                .singletonOrThrow();
    }

    @Override
    public void close() {
        manager.close();
    }
}
