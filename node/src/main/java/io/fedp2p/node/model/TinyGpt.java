package io.fedp2p.node.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code tiny-gpt}: a character-level causal Transformer (pre-LayerNorm, learned positions, GELU MLP, untied output
 * head), functional on DJL like {@link VisionNet}. Default: 2 layers, width 128, 4 heads, context 128.
 *
 * <p>Adaptable dense layers: {@code layers.L.attn.{q,k,v,o}} and {@code layers.L.mlp.{fc,proj}}; the output layer
 * {@code head} is the classification head of ALGORITHMS.md §7.5.3 (trained in full).
 */
public record TinyGpt(int vocab, int width, int heads, int layers, int context) {
    public static final String NAME = "tiny-gpt";

    public TinyGpt {
        if (vocab < 2 || width < 1 || heads < 1 || layers < 1 || context < 2 || width % heads != 0) {
            throw new IllegalArgumentException("bad tiny-gpt shape");
        }
    }

    public static TinyGpt defaults(int vocab) {
        return new TinyGpt(vocab, 128, 4, 2, 128);
    }

    /** Parameter shapes in a stable order. */
    public Map<String, long[]> shapes() {
        Map<String, long[]> s = new LinkedHashMap<>();
        s.put("tok_emb", new long[] {vocab, width});
        s.put("pos_emb", new long[] {context, width});
        for (int l = 0; l < layers; l++) {
            String p = "layers." + l + ".";
            s.put(p + "ln1.gamma", new long[] {width});
            s.put(p + "ln1.beta", new long[] {width});
            for (String n : new String[] {"q", "k", "v", "o"}) {
                s.put(p + "attn." + n + ".weight", new long[] {width, width});
                s.put(p + "attn." + n + ".bias", new long[] {width});
            }
            s.put(p + "ln2.gamma", new long[] {width});
            s.put(p + "ln2.beta", new long[] {width});
            s.put(p + "mlp.fc.weight", new long[] {4L * width, width});
            s.put(p + "mlp.fc.bias", new long[] {4L * width});
            s.put(p + "mlp.proj.weight", new long[] {width, 4L * width});
            s.put(p + "mlp.proj.bias", new long[] {width});
        }
        s.put("ln_f.gamma", new long[] {width});
        s.put("ln_f.beta", new long[] {width});
        s.put("head.weight", new long[] {vocab, width});
        s.put("head.bias", new long[] {vocab});
        return s;
    }

    /** The default adapter targets: the query and value projections of every layer (as in the LoRA paper). */
    public List<String> defaultTargets() {
        List<String> t = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            t.add("layers." + l + ".attn.q");
            t.add("layers." + l + ".attn.v");
        }
        return t;
    }

    /** in/out sizes of an adaptable dense layer, or null when the name is not one. */
    public int[] denseShape(String layer) {
        long[] s = shapes().get(layer + ".weight");
        if (s == null || s.length != 2 || layer.equals("head")) return null;
        return new int[] {(int) s[1], (int) s[0]};
    }

    /**
     * Logits {@code B × T × vocab} of token ids {@code B × T} (T ≤ context). Parameters come from {@code p}; arrays
     * it returns should belong to {@code m} or be used read-only.
     */
    public NDArray logits(NDManager m, int[] tokens, int batch, int t, Function<String, NDArray> p) {
        NDArray ids = m.create(tokens, new Shape(batch, t));
        NDArray x = ids.oneHot(vocab).matMul(p.apply("tok_emb"));
        x = x.add(p.apply("pos_emb").get(m, new ai.djl.ndarray.index.NDIndex("0:" + t)));
        float[] mask = new float[t * t];
        for (int i = 0; i < t; i++) for (int j = i + 1; j < t; j++) mask[i * t + j] = -1e9f;
        NDArray causal = m.create(mask, new Shape(t, t));
        int dh = width / heads;
        for (int l = 0; l < layers; l++) {
            String pre = "layers." + l + ".";
            NDArray h = layerNorm(x, p, pre + "ln1");
            NDArray q = split(dense(h, p, pre + "attn.q"), batch, t, dh);
            NDArray k = split(dense(h, p, pre + "attn.k"), batch, t, dh);
            NDArray v = split(dense(h, p, pre + "attn.v"), batch, t, dh);
            NDArray att = Scalars.div(q.matMul(k.transpose(0, 1, 3, 2)), (float) Math.sqrt(dh))
                    .add(causal)
                    .softmax(-1);
            NDArray y = att.matMul(v).transpose(0, 2, 1, 3).reshape(batch, t, width);
            x = x.add(dense(y, p, pre + "attn.o"));
            h = layerNorm(x, p, pre + "ln2");
            x = x.add(dense(Activation.gelu(dense(h, p, pre + "mlp.fc")), p, pre + "mlp.proj"));
        }
        return dense(layerNorm(x, p, "ln_f"), p, "head");
    }

    private NDArray split(NDArray x, int batch, int t, int dh) {
        return x.reshape(batch, t, heads, dh).transpose(0, 2, 1, 3);
    }

    private static NDArray dense(NDArray x, Function<String, NDArray> p, String name) {
        return Linear.linear(x, p.apply(name + ".weight"), p.apply(name + ".bias"))
                .singletonOrThrow();
    }

    private NDArray layerNorm(NDArray x, Function<String, NDArray> p, String name) {
        return LayerNorm.layerNorm(x, new Shape(width), p.apply(name + ".gamma"), p.apply(name + ".beta"), 1e-5f)
                .singletonOrThrow();
    }
}
