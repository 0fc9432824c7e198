package io.fedp2p.node.encoder;

/**
 * Token ids of n texts padded to the longest of them ({@code n × t}, row-major) with the attention mask (1 for a
 * token, 0 for padding). Padding is id 0 ({@code [PAD]} in BERT vocabularies); the mask keeps it out of attention
 * and pooling. Immutable; accessors return copies.
 */
public final class TokenBatch {
    private final int n;
    private final int t;
    private final int[] ids;
    private final float[] mask;
    private final int[] lengths;

    private TokenBatch(int n, int t, int[] ids, float[] mask, int[] lengths) {
        this.n = n;
        this.t = t;
        this.ids = ids;
        this.mask = mask;
        this.lengths = lengths;
    }

    /** Pads the given token sequences (each non-empty) to the longest one. */
    public static TokenBatch of(int[][] tokens) {
        if (tokens.length == 0) throw new IllegalArgumentException("empty batch");
        int t = 0;
        for (int[] s : tokens) {
            if (s.length == 0) throw new IllegalArgumentException("empty token sequence");
            t = Math.max(t, s.length);
        }
        int n = tokens.length;
        int[] ids = new int[n * t];
        float[] mask = new float[n * t];
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(tokens[i], 0, ids, i * t, tokens[i].length);
            for (int j = 0; j < tokens[i].length; j++) mask[i * t + j] = 1f;
            lengths[i] = tokens[i].length;
        }
        return new TokenBatch(n, t, ids, mask, lengths);
    }

    /** A batch of the given lengths only (for hidden states that are already computed). */
    public static TokenBatch ofLengths(int[] lengths) {
        int[][] fake = new int[lengths.length][];
        for (int i = 0; i < lengths.length; i++) fake[i] = new int[lengths[i]];
        return of(fake);
    }

    public int size() {
        return n;
    }

    /** The padded length. */
    public int length() {
        return t;
    }

    public int[] ids() {
        return ids.clone();
    }

    public float[] mask() {
        return mask.clone();
    }

    public int[] lengths() {
        return lengths.clone();
    }
}
