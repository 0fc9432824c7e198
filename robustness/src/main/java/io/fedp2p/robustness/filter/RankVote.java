package io.fedp2p.robustness.filter;

import io.fedp2p.robustness.vector.ArgSort;
import java.util.List;

/**
 * FRL's vote on rankings (Mozaffari, Shejwalkar, Houmansadr; ALGORITHMS.md §3.2, §3.9a). A ranking lists edge ids from
 * least to most important. The vote sums each edge's positions, weighted (fedp2p's W-weighted Borda count of §3.9a;
 * all weights 1 give the server's plain Borda count of §3.2), and sorts edges by that sum ascending, ties by ascending
 * edge id (§3.8.2). One voter moves an edge's sum by at most {@code weight·(n_l − 1)}.
 */
public final class RankVote {
    private RankVote() {}

    /** The consensus ranking of {@code rankings} (each a permutation of 0..n−1) with voter weights. */
    public static int[] weightedBorda(List<int[]> rankings, double[] weights) {
        return ArgSort.ascending(weightedScores(rankings, weights));
    }

    /**
     * The weighted Borda sums {@code V[e] = Σ_u weights[u]·P_u[e]}, {@code P_u[e]} the position of edge e in ranking
     * u, summed in voter order. Replacing one voter's ranking changes every {@code V[e]} by at most {@code
     * weight·(n − 1)} (§3.2, §3.9a).
     */
    public static double[] weightedScores(List<int[]> rankings, double[] weights) {
        if (rankings.isEmpty()) throw new IllegalArgumentException("no rankings to vote on");
        if (weights.length != rankings.size()) {
            throw new IllegalArgumentException(weights.length + " weights for " + rankings.size() + " rankings");
        }
        int n = rankings.get(0).length;
        double[] votes = new double[n];
        for (int u = 0; u < rankings.size(); u++) {
            int[] ranking = rankings.get(u);
            requirePermutation(ranking, n, u);
            double w = weights[u];
            if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("bad weight " + w);
            for (int p = 0; p < n; p++) votes[ranking[p]] += w * p;
        }
        return votes;
    }

    /** The ranking that sorts {@code scores} ascending (edge ids, least important first), ties by edge id. */
    public static int[] rankingOf(float[] scores) {
        return ArgSort.ascending(scores);
    }

    /** FRL's rank-reversal attack (§3.4): the same edges, most important first. */
    public static int[] reverse(int[] ranking) {
        int n = ranking.length;
        int[] out = new int[n];
        for (int p = 0; p < n; p++) out[p] = ranking[n - 1 - p];
        return out;
    }

    /**
     * Rebuilds scores from a ranking and the layer's sorted initial score values: {@code s[G[p]] = v[p]} (§3.2).
     */
    public static float[] scoresFromRanking(int[] ranking, float[] sortedInitial) {
        if (ranking.length != sortedInitial.length) {
            throw new IllegalArgumentException(ranking.length + " ranked edges, " + sortedInitial.length + " values");
        }
        float[] s = new float[ranking.length];
        for (int p = 0; p < ranking.length; p++) s[ranking[p]] = sortedInitial[p];
        return s;
    }

    private static void requirePermutation(int[] ranking, int n, int voter) {
        if (ranking.length != n) {
            throw new IllegalArgumentException("ranking " + voter + " has " + ranking.length + " edges, expected " + n);
        }
        boolean[] seen = new boolean[n];
        for (int e : ranking) {
            if (e < 0 || e >= n || seen[e])
                throw new IllegalArgumentException("ranking " + voter + " is no permutation");
            seen[e] = true;
        }
    }
}
