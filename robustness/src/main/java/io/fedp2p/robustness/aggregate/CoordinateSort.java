package io.fedp2p.robustness.aggregate;

import io.fedp2p.robustness.vector.Chunks;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-coordinate order statistics of m vectors, sorted with a branch-free sorting network applied to whole blocks of
 * coordinates at once: each comparator is a min/max over two rows of a block, a loop the JIT vectorises. The network is
 * Batcher's odd–even merge sort for the next power of two, with the comparators that touch the padding (+∞ rows) left
 * out. One scratch block per chunk, no allocation per coordinate.
 */
final class CoordinateSort {
    /** Coordinates sorted together; m such rows stay in the L2 cache. */
    static final int BLOCK = 1024;

    /** Reduces the m sorted rows of a block into {@code out[from..from+len)}. */
    @FunctionalInterface
    interface BlockReducer {
        void reduce(float[][] sorted, int len, float[] out, int from);
    }

    private CoordinateSort() {}

    static float[] reduce(List<float[]> xs, BlockReducer reducer) {
        int m = xs.size();
        int d = xs.get(0).length;
        float[][] rows = xs.toArray(new float[0][]);
        int[] network = network(m);
        float[] out = new float[d];
        Chunks.forEach(d, (from, to) -> {
            float[][] block = new float[m][BLOCK];
            for (int start = from; start < to; start += BLOCK) {
                int len = Math.min(BLOCK, to - start);
                for (int k = 0; k < m; k++) System.arraycopy(rows[k], start, block[k], 0, len);
                for (int c = 0; c < network.length; c += 2)
                    compareExchange(block[network[c]], block[network[c + 1]], len);
                reducer.reduce(block, len, out, start);
            }
        });
        return out;
    }

    private static void compareExchange(float[] lo, float[] hi, int len) {
        for (int e = 0; e < len; e++) {
            float a = lo[e];
            float b = hi[e];
            lo[e] = Math.min(a, b);
            hi[e] = Math.max(a, b);
        }
    }

    /** Comparator pairs (i, j), i &lt; j, of Batcher's odd–even merge sort for m inputs, flattened. */
    static int[] network(int m) {
        int n = 1;
        while (n < m) n <<= 1;
        List<Integer> pairs = new ArrayList<>();
        for (int p = 1; p < n; p <<= 1) {
            for (int k = p; k >= 1; k >>= 1) {
                for (int j = k % p; j + k < n; j += 2 * k) {
                    for (int i = 0; i < Math.min(k, n - j - k); i++) {
                        int a = i + j;
                        int b = i + j + k;
                        if (a / (2 * p) == b / (2 * p) && b < m) {
                            pairs.add(a);
                            pairs.add(b);
                        }
                    }
                }
            }
        }
        return pairs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Median of sorted rows: the middle one, or the mean of the two middle ones (ALGORITHMS.md §5.4). */
    static void median(float[][] sorted, int len, float[] out, int from) {
        int m = sorted.length;
        if (m % 2 == 1) {
            System.arraycopy(sorted[m / 2], 0, out, from, len);
            return;
        }
        float[] a = sorted[m / 2 - 1];
        float[] b = sorted[m / 2];
        for (int e = 0; e < len; e++) out[from + e] = (float) (((double) a[e] + b[e]) / 2.0);
    }
}
