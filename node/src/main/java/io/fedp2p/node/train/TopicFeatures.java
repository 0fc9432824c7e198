package io.fedp2p.node.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fedp2p.node.encoder.BertEncoder;
import io.fedp2p.node.encoder.TokenBatch;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The inputs of a {@link TopicTask}'s trainable part for every entry: the token ids, and (ALGORITHMS.md §7.5.4,
 * frozen-prefix cache) either the hidden states after the lowest L frozen layers (one {@code len × h} block per
 * entry, no padding) or, when the whole encoder is frozen, the pooled sentence embedding. Computed once per JVM and
 * shared read-only by every node, and by every task of the JVM with the same encoder file, tokens, level and L
 * (twin simulations, adapter comparisons): {@link #shared} keeps built caches behind soft references, so the
 * garbage collector may drop one that no task uses any more. Rows live on the Java heap; thread-safe for reads.
 */
final class TopicFeatures {
    /** What a row holds. */
    enum Level {
        /** nothing cached: steps start from the embeddings */
        TOKENS,
        /** hidden states after the frozen layers */
        HIDDEN,
        /** L2-normalised sentence embeddings of the frozen encoder */
        POOLED
    }

    /** Tokens per forward chunk while building (padding included). */
    private static final int CHUNK_TOKENS = 4096;

    final Level level;
    final int frozenLayers;
    private final int hidden;
    private final int[][][] tokens;
    private final float[][][] rows;

    private TopicFeatures(Level level, int frozenLayers, int hidden, int[][][] tokens, float[][][] rows) {
        this.level = level;
        this.frozenLayers = frozenLayers;
        this.hidden = hidden;
        this.tokens = tokens;
        this.rows = rows;
    }

    private static final Map<String, SoftReference<TopicFeatures>> BUILT = new HashMap<>();

    /** The cache for these inputs: one already built in this JVM, or a new one. */
    static TopicFeatures shared(
            BertEncoder enc, NDManager shared, int[][][] tokens, Level level, int frozenLayers, ProgressListener p) {
        String key = enc.weights().sha256() + "/" + level + "/" + (level == Level.HIDDEN ? frozenLayers : 0) + "/"
                + tokenHash(tokens);
        synchronized (BUILT) {
            SoftReference<TopicFeatures> ref = BUILT.get(key);
            TopicFeatures f = ref == null ? null : ref.get();
            if (f != null) return f;
        }
        TopicFeatures f = build(enc, shared, tokens, level, frozenLayers, p);
        synchronized (BUILT) {
            BUILT.put(key, new SoftReference<>(f));
        }
        return f;
    }

    private static String tokenHash(int[][][] tokens) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(4 * 1024);
            for (int[][] table : tokens) {
                for (int[] t : table) {
                    for (int v : t) {
                        if (!b.hasRemaining()) {
                            md.update(b.array(), 0, b.position());
                            b.clear();
                        }
                        b.putInt(v);
                    }
                    if (!b.hasRemaining()) {
                        md.update(b.array(), 0, b.position());
                        b.clear();
                    }
                    b.putInt(-1);
                }
            }
            md.update(b.array(), 0, b.position());
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param tokens token ids per table ({@link EvalSet.Source} ordinal) and entry
     * @param frozenLayers L (ignored for {@link Level#POOLED}, which runs every layer)
     */
    static TopicFeatures build(
            BertEncoder enc, NDManager shared, int[][][] tokens, Level level, int frozenLayers, ProgressListener p) {
        int h = enc.config().hidden();
        if (level == Level.TOKENS) return new TopicFeatures(level, 0, h, tokens, null);
        long total = Arrays.stream(tokens).mapToLong(t -> t.length).sum();
        long done = 0;
        float[][][] rows = new float[tokens.length][][];
        for (int s = 0; s < tokens.length; s++) {
            rows[s] = new float[tokens[s].length][];
            for (int[] chunk : chunksByLength(
                    tokens[s], IntStream.range(0, tokens[s].length).toArray())) {
                int[][] tok = new int[chunk.length][];
                for (int i = 0; i < chunk.length; i++) tok[i] = tokens[s][chunk[i]];
                TokenBatch b = TokenBatch.of(tok);
                try (NDManager m = shared.newSubManager()) {
                    NDArray x = enc.embed(m, b);
                    NDArray bias = enc.maskBias(m, b);
                    if (level == Level.POOLED) {
                        x = enc.pool(m, enc.layers(0, enc.config().layers(), x, bias, BertEncoder.DenseHook.NONE), b);
                    } else {
                        x = enc.layers(0, frozenLayers, x, bias, BertEncoder.DenseHook.NONE);
                    }
                    float[] flat = x.toFloatArray();
                    for (int i = 0; i < chunk.length; i++) {
                        int len = level == Level.POOLED ? 1 : tok[i].length;
                        int stride = level == Level.POOLED ? h : b.length() * h;
                        rows[s][chunk[i]] = Arrays.copyOfRange(flat, i * stride, i * stride + len * h);
                    }
                }
                done += chunk.length;
                p.progress(done, total, "encoder cache");
            }
        }
        return new TopicFeatures(level, frozenLayers, h, tokens, rows);
    }

    /**
     * Splits indices into chunks of similar length (sorted by token count, then index) of at most
     * {@link #CHUNK_TOKENS} padded tokens, so little compute goes to padding.
     */
    static int[][] chunksByLength(int[][] tokens, int[] indices) {
        Integer[] order = Arrays.stream(indices).boxed().toArray(Integer[]::new);
        Arrays.sort(
                order, Comparator.<Integer>comparingInt(i -> tokens[i].length).thenComparingInt(i -> i));
        java.util.List<int[]> out = new java.util.ArrayList<>();
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length && (long) (end - start + 1) * tokens[order[end]].length <= CHUNK_TOKENS) end++;
            int[] c = new int[end - start];
            for (int i = 0; i < c.length; i++) c[i] = order[start + i];
            out.add(c);
            start = end;
        }
        return out.toArray(new int[0][]);
    }

    int[] tokens(EvalSet.Source source, int index) {
        return tokens[source.ordinal()][index];
    }

    int size(EvalSet.Source source) {
        return tokens[source.ordinal()].length;
    }

    /** The padded token batch of some entries. */
    TokenBatch batch(EvalSet.Source source, int[] idx) {
        int[][] t = new int[idx.length][];
        for (int i = 0; i < idx.length; i++) t[i] = tokens(source, idx[i]);
        return TokenBatch.of(t);
    }

    /** Cached rows of some entries in {@code m}: {@code n × t × h} (hidden) or {@code n × h} (pooled). */
    NDArray rows(NDManager m, EvalSet.Source source, int[] idx, TokenBatch b) {
        float[][] table = rows[source.ordinal()];
        if (level == Level.POOLED) {
            float[] out = new float[idx.length * hidden];
            for (int i = 0; i < idx.length; i++) System.arraycopy(table[idx[i]], 0, out, i * hidden, hidden);
            return m.create(out, new Shape(idx.length, hidden));
        }
        int t = b.length();
        float[] out = new float[idx.length * t * hidden];
        for (int i = 0; i < idx.length; i++) {
            float[] r = table[idx[i]];
            System.arraycopy(r, 0, out, i * t * hidden, r.length);
        }
        return m.create(out, new Shape(idx.length, t, hidden));
    }

    /** Heap bytes of the cached rows. */
    long bytes() {
        if (rows == null) return 0;
        long n = 0;
        for (float[][] table : rows) for (float[] r : table) n += 4L * r.length;
        return n;
    }
}
