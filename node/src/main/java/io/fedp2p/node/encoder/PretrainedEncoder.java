package io.fedp2p.node.encoder;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The frozen weights of an imported encoder under fedp2p's canonical names, its shape and the SHA-256 of the ONNX
 * file they came from (the backbone hash every adapter is bound to). Immutable and thread-safe.
 *
 * <p>Names: {@code emb.word [V,h]}, {@code emb.position [P,h]}, {@code emb.type [T,h]}, {@code emb.ln.gamma|beta},
 * and per layer {@code layer.i.ROLE.weight [out,in]} / {@code .bias [out]} for the roles {@code q, k, v, o, ffn_in,
 * ffn_out}, plus {@code layer.i.ln1.gamma|beta} (after attention) and {@code layer.i.ln2.gamma|beta} (after the
 * feed-forward block). Weights are stored {@code [out, in]} like PyTorch's {@code Linear}.
 */
public final class PretrainedEncoder {
    /** The dense roles of a layer, in forward order. */
    public static final List<String> ROLES = List.of("q", "k", "v", "o", "ffn_in", "ffn_out");

    private final String name;
    private final BertConfig config;
    private final Pooling pooling;
    private final Map<String, float[]> params;
    private final Map<String, long[]> shapes;
    private final String sha256;
    private final String producer;

    PretrainedEncoder(
            String name,
            BertConfig config,
            Pooling pooling,
            Map<String, float[]> params,
            Map<String, long[]> shapes,
            String sha256,
            String producer) {
        this.name = name;
        this.config = config;
        this.pooling = pooling;
        this.params = Collections.unmodifiableMap(new TreeMap<>(params));
        this.shapes = Collections.unmodifiableMap(new TreeMap<>(shapes));
        this.sha256 = sha256;
        this.producer = producer;
        for (String n : this.params.keySet()) {
            long size = Arrays.stream(shape(n)).reduce(1, (a, b) -> a * b);
            if (size != this.params.get(n).length) throw new IllegalArgumentException(n + ": shape/value mismatch");
        }
    }

    /** The model's CLI name ({@code minilm}, {@code bge-small}). */
    public String name() {
        return name;
    }

    public BertConfig config() {
        return config;
    }

    public Pooling pooling() {
        return pooling;
    }

    /** SHA-256 (hex) of the ONNX file. */
    public String sha256() {
        return sha256;
    }

    /** The exporter recorded in the ONNX file. */
    public String producer() {
        return producer;
    }

    /** Parameter names, sorted. */
    public List<String> names() {
        return List.copyOf(params.keySet());
    }

    /** The values of one parameter (the stored array; callers must not modify it). */
    public float[] param(String n) {
        float[] p = params.get(n);
        if (p == null) throw new IllegalArgumentException("encoder " + name + " has no parameter " + n);
        return p;
    }

    public long[] shape(String n) {
        long[] s = shapes.get(n);
        if (s == null) throw new IllegalArgumentException("encoder " + name + " has no parameter " + n);
        return s.clone();
    }

    /** Total number of parameters. */
    public long parameterCount() {
        long n = 0;
        for (float[] p : params.values()) n += p.length;
        return n;
    }

    /** {@code layer.i.role}, the name of an adaptable dense layer. */
    public static String dense(int layer, String role) {
        return "layer." + layer + "." + role;
    }
}
