package io.fedp2p.robustness.reputation;

/**
 * RFFL's reward sparsification {@code topk_layerwise(u, q)} (ALGORITHMS.md §4.1, {@code mask_grad_update_by_order}
 * with {@code mode='layer'}): per parameter tensor, keep the entries whose magnitude is at least the k-th largest, with
 * {@code k = min(⌈max(q,0)·size⌉, size−1)}; so even q = 1 drops each tensor's smallest entry, and k = 0 keeps nothing.
 * Used by the optional fair mode (§4.6.4).
 */
public final class LayerwiseTopK {
    private LayerwiseTopK() {}

    /**
     * @param u the vector to sparsify (not modified)
     * @param tensorEnds exclusive end offset of each tensor in {@code u}, ascending, the last equal to {@code u.length}
     * @param q the reward fraction
     */
    public static float[] sparsify(float[] u, int[] tensorEnds, double q) {
        if (tensorEnds.length == 0 || tensorEnds[tensorEnds.length - 1] != u.length) {
            throw new IllegalArgumentException("tensor ends must finish at the vector length " + u.length);
        }
        float[] out = new float[u.length];
        int start = 0;
        for (int end : tensorEnds) {
            if (end <= start) throw new IllegalArgumentException("tensor ends must be strictly ascending");
            int size = end - start;
            int k = (int) Math.min(Math.ceil(Math.max(q, 0) * size), size - 1);
            if (k > 0) {
                float[] mags = new float[size];
                for (int e = 0; e < size; e++) mags[e] = Math.abs(u[start + e]);
                java.util.Arrays.sort(mags);
                float kth = mags[size - k];
                for (int e = start; e < end; e++) if (Math.abs(u[e]) >= kth) out[e] = u[e];
            }
            start = end;
        }
        return out;
    }
}
