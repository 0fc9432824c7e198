package io.fedp2p.robustness.filter;

import io.fedp2p.robustness.vector.ArgSort;
import io.fedp2p.robustness.vector.Chunks;
import io.fedp2p.robustness.vector.RobustStats;
import java.util.ArrayList;
import java.util.List;

/**
 * FRL's rank-vote filter for continuous updates (fedp2p design, ALGORITHMS.md §3.9b):
 *
 * <ol>
 *   <li>rank every update (own and candidates) by its signed values, ascending;
 *   <li>consensus π* = argsort of the W-weighted Borda sums Σ_j W[i][j]·pos_j over {i} ∪ candidates (ties by item id);
 *   <li>D_j = Σ_e |pos_j(e) − pos*(e)| / (m²/2), the normalised Spearman footrule, in [0, 1];
 *   <li>reject j when D_j &gt; median(D) + κ·1.4826·max(MAD(D), floor), median and MAD over the candidates only; never
 *       reject when fewer than {@code minCandidates} candidates enter.
 * </ol>
 *
 * From {@code blockThreshold} coordinates on, items are blocks of coordinates ranked by their mean (the last block may
 * be shorter). Per-vector rankings run in parallel, each into its own slot. Scale-invariant by construction: scaling
 * attacks are for the norm check.
 */
public final class FrlRankFilter {
    private FrlRankFilter() {}

    /** The filter's findings; per-candidate arrays are indexed like the candidate list, accessors return copies. */
    public static final class Result {
        private final double[] footrule;
        private final double ownFootrule;
        private final boolean[] outlier;
        private final double median;
        private final double threshold;
        private final int blockSize;
        private final boolean[] agreedItems;
        private final List<String> notes;

        Result(
                double[] footrule,
                double ownFootrule,
                boolean[] outlier,
                double median,
                double threshold,
                int blockSize,
                boolean[] agreedItems,
                List<String> notes) {
            this.footrule = footrule;
            this.ownFootrule = ownFootrule;
            this.outlier = outlier;
            this.median = median;
            this.threshold = threshold;
            this.blockSize = blockSize;
            this.agreedItems = agreedItems;
            this.notes = notes;
        }

        /** D_j per candidate. */
        public double[] footrule() {
            return footrule.clone();
        }

        /** D_i of the own update (not used in the rule). */
        public double ownFootrule() {
            return ownFootrule;
        }

        /** Whether each candidate is a rank outlier. */
        public boolean[] outlier() {
            return outlier.clone();
        }

        /** median(D) over the candidates; NaN when too few to judge. */
        public double median() {
            return median;
        }

        /** The rejection threshold; +∞ when too few candidates to judge. */
        public double threshold() {
            return threshold;
        }

        /** Coordinates per ranked item. */
        public int blockSize() {
            return blockSize;
        }

        /** Items agreed by the consensus mask, or null when the mask is off. */
        boolean[] agreedItems() {
            return agreedItems;
        }

        public List<String> notes() {
            return notes;
        }
    }

    /**
     * @param ownDelta Δ_i
     * @param ownWeight the own vote's weight W[i][i]
     * @param deltas candidates' Δ_j
     * @param weights candidates' W[i][j]
     */
    public static Result filter(
            float[] ownDelta, double ownWeight, List<float[]> deltas, double[] weights, FrlFilterConfig config) {
        int d = ownDelta.length;
        int b = config.blockSize(d);
        int m = (d + b - 1) / b;
        List<float[]> all = new ArrayList<>();
        all.add(ownDelta);
        all.addAll(deltas);
        int[][] pos = new int[all.size()][];
        Chunks.forEachIndex(
                all.size(), (long) all.size() * d >= Chunks.PARALLEL_MIN, v -> pos[v] = positions(all.get(v), b, m));
        double[] votes = new double[m];
        for (int v = 0; v < all.size(); v++) {
            double w = v == 0 ? ownWeight : weights[v - 1];
            int[] p = pos[v];
            for (int q = 0; q < m; q++) votes[q] += w * p[q];
        }
        int[] consensus = ArgSort.positions(ArgSort.ascending(votes));
        double norm = (double) m * m / 2.0;
        double[] dist = new double[all.size()];
        for (int v = 0; v < all.size(); v++) {
            long s = 0;
            int[] p = pos[v];
            for (int q = 0; q < m; q++) s += Math.abs(p[q] - consensus[q]);
            dist[v] = s / norm;
        }
        double[] cand = java.util.Arrays.copyOfRange(dist, 1, dist.length);
        boolean[] outlier = new boolean[cand.length];
        List<String> notes = new ArrayList<>();
        if (b > 1) notes.add("frl ranked " + m + " blocks of " + b + " coordinates");
        double median = Double.NaN;
        double threshold = Double.POSITIVE_INFINITY;
        if (cand.length < config.minCandidates()) {
            notes.add("frl: " + cand.length + " candidates < " + config.minCandidates() + ", nothing rejected");
        } else {
            median = RobustStats.median(cand);
            double mad = Math.max(RobustStats.mad(cand), config.madFloor());
            threshold = median + config.kappa() * RobustStats.MAD_TO_SIGMA * mad;
            for (int j = 0; j < cand.length; j++) outlier[j] = cand[j] > threshold;
        }
        boolean[] agreed = config.consensusMask() ? agreedItems(consensus, config.maskFraction()) : null;
        return new Result(cand, dist[0], outlier, median, threshold, b, agreed, List.copyOf(notes));
    }

    /** Items whose consensus position is among the ⌈k·m⌉ lowest or highest (SPEC-GAP: §3.9b #5 leaves the rounding). */
    static boolean[] agreedItems(int[] consensus, double fraction) {
        int m = consensus.length;
        int k = (int) Math.ceil(fraction * m);
        boolean[] agreed = new boolean[m];
        for (int q = 0; q < m; q++) agreed[q] = consensus[q] < k || consensus[q] >= m - k;
        return agreed;
    }

    /** Positions of the m items of {@code v} (coordinates, or means of blocks of b coordinates) in ascending order. */
    static int[] positions(float[] v, int b, int m) {
        if (b == 1) return ArgSort.positions(ArgSort.ascending(v));
        // block means rounded to float, like the coordinates themselves: a 4-pass radix sort instead of 8
        float[] keys = new float[m];
        for (int q = 0; q < m; q++) {
            int from = q * b;
            int to = Math.min(v.length, from + b);
            double s = 0;
            for (int e = from; e < to; e++) s += v[e];
            keys[q] = (float) (s / (to - from));
        }
        return ArgSort.positions(ArgSort.ascending(keys));
    }
}
