package io.fedp2p.robustness.aggregate;

import java.util.Arrays;

/**
 * Blanchard's Krum score (ALGORITHMS.md §5.3): the sum of squared Euclidean distances to the m−f−2 nearest
 * <em>other</em> vectors. This is the variant fedp2p pins; byzfl's m−f−1 others, NDSS's self-inclusive count,
 * ClippedGossip's fourth powers and Bristle's unsquared distances are deliberately not followed.
 */
final class KrumScores {
    private KrumScores() {}

    /** Throws naming m and f unless {@code m ≥ 2f + 3}. */
    static void requireBound(String rule, int m, int f) {
        if (f < 0) throw new IllegalArgumentException(rule + ": f must be >= 0, got " + f);
        if (m < 2 * f + 3) {
            throw new IllegalArgumentException(
                    rule + " needs m >= 2f + 3 vectors: m = " + m + ", f = " + f + " (at most f = " + maxF(m) + ")");
        }
    }

    /** The largest f Krum accepts for m vectors, or −1 when m < 3. */
    static int maxF(int m) {
        return m < 3 ? -1 : (m - 3) / 2;
    }

    /**
     * Scores of the vectors listed in {@code members} (indices into {@code sq}) among themselves; the result is indexed
     * like {@code members}.
     */
    static double[] scores(double[][] sq, int[] members, int f) {
        int m = members.length;
        int neighbours = m - f - 2;
        double[] out = new double[m];
        double[] row = new double[m - 1];
        for (int a = 0; a < m; a++) {
            int r = 0;
            for (int b = 0; b < m; b++) if (b != a) row[r++] = sq[members[a]][members[b]];
            Arrays.sort(row);
            double s = 0;
            for (int k = 0; k < neighbours; k++) s += row[k];
            out[a] = s;
        }
        return out;
    }

    /** Position of the smallest score; ties go to the earlier position. */
    static int argmin(double[] scores) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) if (scores[k] < scores[best]) best = k;
        return best;
    }

    static int[] all(int m) {
        int[] a = new int[m];
        for (int k = 0; k < m; k++) a[k] = k;
        return a;
    }
}
