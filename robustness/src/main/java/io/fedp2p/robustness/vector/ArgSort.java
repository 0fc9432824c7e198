package io.fedp2p.robustness.vector;

/**
 * Stable ascending argsort of primitive keys. Ties keep ascending index order (FRL's tie rule, ALGORITHMS.md §3.8.2),
 * and {@code -0.0} sorts equal to {@code 0.0}. A least-significant-digit radix sort on the keys' order-preserving bit
 * patterns carries the indices: O(m) per pass, one pass per key byte (four for floats, eight for doubles), passes
 * whose byte is the same for every key skipped. No per-item allocation.
 */
public final class ArgSort {
    private ArgSort() {}

    /** Indices of {@code keys} in ascending key order, ties by ascending index. Rejects NaN. */
    public static int[] ascending(double[] keys) {
        int m = keys.length;
        long[] bits = new long[m];
        for (int i = 0; i < m; i++) {
            double x = keys[i];
            if (Double.isNaN(x)) throw new IllegalArgumentException("NaN key at index " + i);
            bits[i] = sortable(x);
        }
        return radix(bits);
    }

    /** Indices of {@code keys} in ascending key order, ties by ascending index. Rejects NaN. */
    public static int[] ascending(float[] keys) {
        int m = keys.length;
        int[] bits = new int[m];
        for (int i = 0; i < m; i++) {
            float x = keys[i];
            if (Float.isNaN(x)) throw new IllegalArgumentException("NaN key at index " + i);
            int b = Float.floatToRawIntBits(x + 0.0f);
            bits[i] = b < 0 ? ~b : b ^ Integer.MIN_VALUE;
        }
        return radix(bits);
    }

    /** The inverse permutation: {@code positions[order[p]] = p}. */
    public static int[] positions(int[] order) {
        int[] pos = new int[order.length];
        for (int p = 0; p < order.length; p++) pos[order[p]] = p;
        return pos;
    }

    /** Bits whose unsigned order is the numeric order of {@code x}; {@code -0.0} maps like {@code 0.0}. */
    static long sortable(double x) {
        long b = Double.doubleToRawLongBits(x + 0.0);
        return b < 0 ? ~b : b ^ Long.MIN_VALUE;
    }

    private static int[] radix(long[] keys) {
        int m = keys.length;
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) idx[i] = i;
        long[] keyTmp = new long[m];
        int[] idxTmp = new int[m];
        int[] count = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < m; i++) count[(int) ((keys[i] >>> shift) & 0xFF) + 1]++;
            if (allInOneBucket(count, m)) continue;
            for (int b = 0; b < 256; b++) count[b + 1] += count[b];
            for (int i = 0; i < m; i++) {
                int b = (int) ((keys[i] >>> shift) & 0xFF);
                int to = count[b]++;
                keyTmp[to] = keys[i];
                idxTmp[to] = idx[i];
            }
            long[] k = keys;
            keys = keyTmp;
            keyTmp = k;
            int[] t = idx;
            idx = idxTmp;
            idxTmp = t;
        }
        return idx;
    }

    private static int[] radix(int[] keys) {
        int m = keys.length;
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) idx[i] = i;
        int[] keyTmp = new int[m];
        int[] idxTmp = new int[m];
        int[] count = new int[257];
        for (int shift = 0; shift < 32; shift += 8) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < m; i++) count[((keys[i] >>> shift) & 0xFF) + 1]++;
            if (allInOneBucket(count, m)) continue;
            for (int b = 0; b < 256; b++) count[b + 1] += count[b];
            for (int i = 0; i < m; i++) {
                int to = count[(keys[i] >>> shift) & 0xFF]++;
                keyTmp[to] = keys[i];
                idxTmp[to] = idx[i];
            }
            int[] k = keys;
            keys = keyTmp;
            keyTmp = k;
            int[] t = idx;
            idx = idxTmp;
            idxTmp = t;
        }
        return idx;
    }

    private static boolean allInOneBucket(int[] count, int m) {
        for (int b = 1; b <= 256; b++) {
            if (count[b] == m) return true;
            if (count[b] != 0) return false;
        }
        return true;
    }
}
