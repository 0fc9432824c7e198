package io.fedp2p.node.encoder;

import io.fedp2p.node.onnx.proto.OnnxSubset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Imports a BERT-family encoder exported to ONNX the way Hugging Face / sentence-transformers exports are (inputs
 * {@code input_ids}, {@code attention_mask}, {@code token_type_ids}; output {@code last_hidden_state}).
 *
 * <p>Biases and LayerNorm parameters carry their PyTorch names ({@code encoder.layer.3.attention.self.key.bias});
 * the weight matrices often do not ({@code onnx::MatMul_885}). Each matrix is found by walking the graph from its
 * named bias: the {@code Add} that reads the bias must add it to the output of a {@code MatMul(x, W)} whose
 * {@code W} is a two-dimensional initializer. The head count comes from the constant shape that splits the query
 * into heads, the LayerNorm epsilon from the constant added under the square root, and the feed-forward activation
 * must be the erf GELU. Anything else the encoder needs and the graph lacks is an {@link IllegalArgumentException}
 * naming it.
 */
public final class BertOnnxImport {
    private static final Map<String, String> ROLE_PREFIX = Map.of(
            "q", "attention.self.query",
            "k", "attention.self.key",
            "v", "attention.self.value",
            "o", "attention.output.dense",
            "ffn_in", "intermediate.dense",
            "ffn_out", "output.dense");

    private final OnnxGraph g;
    private final Map<String, float[]> params = new LinkedHashMap<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();

    private BertOnnxImport(OnnxGraph g) {
        this.g = g;
    }

    /**
     * @param name the model's CLI name
     * @param onnx the bytes of the .onnx file
     * @param sha256 their SHA-256 (hex)
     */
    public static PretrainedEncoder load(String name, byte[] onnx, String sha256, Pooling pooling) {
        OnnxGraph graph = OnnxGraph.parse(onnx);
        return new BertOnnxImport(graph).run(name, sha256, pooling);
    }

    private PretrainedEncoder run(String name, String sha256, Pooling pooling) {
        long[] word = g.dims("embeddings.word_embeddings.weight");
        long[] pos = g.dims("embeddings.position_embeddings.weight");
        long[] type = g.dims("embeddings.token_type_embeddings.weight");
        int hidden = (int) word[1];
        copy("embeddings.word_embeddings.weight", "emb.word");
        copy("embeddings.position_embeddings.weight", "emb.position");
        copy("embeddings.token_type_embeddings.weight", "emb.type");
        copy("embeddings.LayerNorm.weight", "emb.ln.gamma");
        copy("embeddings.LayerNorm.bias", "emb.ln.beta");
        int layers = 0;
        while (g.hasInitializer("encoder.layer." + layers + ".attention.self.query.bias")) layers++;
        if (layers == 0) throw missing("encoder.layer.0.attention.self.query.bias (no encoder layers)");
        int intermediate = -1;
        for (int l = 0; l < layers; l++) {
            String pre = "encoder.layer." + l + ".";
            String layerInput = null;
            for (String role : PretrainedEncoder.ROLES) {
                String bias = pre + ROLE_PREFIX.get(role) + ".bias";
                OnnxSubset.Node matMul = matMulFeeding(bias);
                String w = matMul.getInput(1);
                long[] d = g.dims(w);
                if (d.length != 2) throw missing("a 2-D weight for " + bias + " (got " + w + " " + d.length + "-D)");
                if (role.equals("q") || role.equals("k") || role.equals("v")) {
                    if (layerInput == null) layerInput = matMul.getInput(0);
                    else if (!layerInput.equals(matMul.getInput(0))) {
                        throw missing("query, key and value of layer " + l + " reading the same input");
                    }
                }
                if (role.equals("ffn_in")) {
                    intermediate = (int) d[1];
                    checkGelu(bias);
                }
                String dense = PretrainedEncoder.dense(l, role);
                putTransposed(dense + ".weight", g.floats(w), (int) d[0], (int) d[1]);
                copy(bias, dense + ".bias");
            }
            copy(pre + "attention.output.LayerNorm.weight", "layer." + l + ".ln1.gamma");
            copy(pre + "attention.output.LayerNorm.bias", "layer." + l + ".ln1.beta");
            copy(pre + "output.LayerNorm.weight", "layer." + l + ".ln2.gamma");
            copy(pre + "output.LayerNorm.bias", "layer." + l + ".ln2.beta");
        }
        int heads = heads("encoder.layer.0.attention.self.query.bias", hidden);
        float eps = layerNormEps("embeddings.LayerNorm.weight");
        BertConfig config =
                new BertConfig(layers, hidden, heads, intermediate, (int) word[0], (int) pos[0], (int) type[0], eps);
        return new PretrainedEncoder(name, config, pooling, params, shapes, sha256, g.producer());
    }

    /** The {@code MatMul(x, W)} whose output the Add reading {@code bias} adds the bias to. */
    private OnnxSubset.Node matMulFeeding(String bias) {
        if (!g.hasInitializer(bias)) throw missing(bias);
        for (OnnxSubset.Node add : g.consumers(bias)) {
            if (!add.getOpType().equals("Add") || add.getInputCount() != 2) continue;
            String other = add.getInput(0).equals(bias) ? add.getInput(1) : add.getInput(0);
            OnnxSubset.Node mm = g.producer(other);
            if (mm != null && mm.getOpType().equals("MatMul") && g.hasInitializer(mm.getInput(1))) return mm;
        }
        throw missing("a MatMul(x, W) + " + bias + " (the weight matrix of that bias)");
    }

    /** The feed-forward activation after {@code ffn_in}'s bias must be GELU in its erf form. */
    private void checkGelu(String ffnInBias) {
        for (OnnxSubset.Node add : g.consumers(ffnInBias)) {
            for (OnnxSubset.Node a : g.consumers(add.getOutput(0))) {
                for (OnnxSubset.Node b : g.consumers(a.getOutput(0))) {
                    if (a.getOpType().equals("Gelu") || b.getOpType().equals("Erf")) return;
                }
            }
        }
        throw missing("the erf GELU after " + ffnInBias + " (other activations are not supported)");
    }

    /** Heads from the constant {@code [batch, seq, heads, headSize]} shape the query is reshaped to. */
    private int heads(String queryBias, int hidden) {
        for (OnnxSubset.Node add : g.consumers(queryBias)) {
            for (OnnxSubset.Node r : g.consumers(add.getOutput(0))) {
                if (!r.getOpType().equals("Reshape")) continue;
                OnnxSubset.Node concat = g.producer(r.getInput(1));
                Double h = null;
                Double d = null;
                if (concat != null && concat.getOpType().equals("Concat") && concat.getInputCount() == 4) {
                    h = g.scalar(concat.getInput(2));
                    d = g.scalar(concat.getInput(3));
                } else if (g.constant(r.getInput(1)) != null) {
                    long[] s = OnnxGraph.longs(g.constant(r.getInput(1)));
                    if (s.length == 4) {
                        h = (double) s[2];
                        d = (double) s[3];
                    }
                }
                if (h != null && d != null && h * d == hidden) return h.intValue();
            }
        }
        throw missing("the reshape of the query into heads (a constant [batch, seq, heads, head size] shape)");
    }

    /** ε of the LayerNorm whose γ is {@code gamma}: from LayerNormalization's attribute or the Add under Sqrt. */
    private float layerNormEps(String gamma) {
        for (OnnxSubset.Node n : g.consumers(gamma)) {
            if (n.getOpType().equals("LayerNormalization")) {
                OnnxSubset.Attribute e = OnnxGraph.attribute(n, "epsilon");
                return e == null ? 1e-5f : e.getF();
            }
            if (!n.getOpType().equals("Mul")) continue;
            String normed = n.getInput(0).equals(gamma) ? n.getInput(1) : n.getInput(0);
            OnnxSubset.Node div = g.producer(normed);
            if (div == null || !div.getOpType().equals("Div")) continue;
            OnnxSubset.Node sqrt = g.producer(div.getInput(1));
            if (sqrt == null || !sqrt.getOpType().equals("Sqrt")) continue;
            OnnxSubset.Node add = g.producer(sqrt.getInput(0));
            if (add == null || !add.getOpType().equals("Add")) continue;
            for (String in : add.getInputList()) {
                Double eps = g.scalar(in);
                if (eps != null) return eps.floatValue();
            }
        }
        throw missing("the LayerNorm epsilon of " + gamma);
    }

    private void copy(String onnxName, String name) {
        if (!g.hasInitializer(onnxName)) throw missing(onnxName);
        params.put(name, g.floats(onnxName));
        shapes.put(name, g.dims(onnxName));
    }

    /** Stores an ONNX {@code [in, out]} MatMul weight as {@code [out, in]}. */
    private void putTransposed(String name, float[] w, int in, int out) {
        float[] t = new float[w.length];
        for (int i = 0; i < in; i++) for (int o = 0; o < out; o++) t[o * in + i] = w[i * out + o];
        params.put(name, t);
        shapes.put(name, new long[] {out, in});
    }

    private static IllegalArgumentException missing(String what) {
        return new IllegalArgumentException("not a BERT encoder graph fedp2p can import: did not find " + what);
    }
}
