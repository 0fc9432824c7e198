package io.fedp2p.robustness.aggregate;

import io.fedp2p.robustness.vector.Chunks;
import java.util.Arrays;
import java.util.List;

/**
 * Per-coordinate order statistics: for every coordinate, gathers the m values, sorts them and reduces them to one
 * number. One scratch buffer per chunk, none per coordinate.
 */
final class CoordinateSort {
    /** Reduces the m sorted values of one coordinate. */
    @FunctionalInterface
    interface SortedReducer {
        double reduce(float[] sorted, int m);
    }

    private CoordinateSort() {}

    static float[] reduce(List<float[]> xs, SortedReducer reducer) {
        int m = xs.size();
        int d = xs.get(0).length;
        float[][] rows = xs.toArray(new float[0][]);
        float[] out = new float[d];
        Chunks.forEach(d, (from, to) -> {
            float[] buf = new float[m];
            for (int e = from; e < to; e++) {
                for (int k = 0; k < m; k++) buf[k] = rows[k][e];
                sort(buf, m);
                out[e] = (float) reducer.reduce(buf, m);
            }
        });
        return out;
    }

    /** Insertion sort for the small m of a neighbourhood, the JDK's sort beyond. */
    static void sort(float[] a, int m) {
        if (m > 32) {
            Arrays.sort(a, 0, m);
            return;
        }
        for (int i = 1; i < m; i++) {
            float x = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > x) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    /** Median of sorted values: the middle one, or the mean of the two middle ones (ALGORITHMS.md §5.4). */
    static double median(float[] sorted, int m) {
        return (m % 2 == 1) ? sorted[m / 2] : ((double) sorted[m / 2 - 1] + sorted[m / 2]) / 2.0;
    }
}
