package io.fedp2p.robustness.aggregate;

import io.fedp2p.robustness.vector.Vectors;

/**
 * The iterative Multi-Krum of the FRL and NDSS codes (ALGORITHMS.md §5.3, {@code multi-krum-iterative}): select the
 * Krum winner, remove it, re-score the rest, and repeat while more than 2f+2 vectors remain; return the mean of the
 * selected ones (m − 2f − 2 of them). Each round scores with Blanchard's m'−f−2 nearest others over the m' vectors
 * still in play. Scores reported: the first round's Krum scores.
 */
public final class IterativeMultiKrum implements Aggregator {
    private final int f;

    public IterativeMultiKrum(int f) {
        if (f < 0) throw new IllegalArgumentException("multi-krum-iterative: f must be >= 0, got " + f);
        this.f = f;
    }

    @Override
    public String name() {
        return "multi-krum-iterative";
    }

    @Override
    public Aggregate aggregate(VectorSet set, AggregationContext context) {
        int m = set.size();
        KrumScores.requireBound(name(), m, f);
        double[][] sq = Vectors.pairwiseSquaredDistances(set.vectors());
        double[] firstScores = KrumScores.scores(sq, KrumScores.all(m), f);
        boolean[] chosen = new boolean[m];
        int[] remaining = KrumScores.all(m);
        while (remaining.length > 2 * f + 2) {
            double[] s = KrumScores.scores(sq, remaining, f);
            int pick = KrumScores.argmin(s);
            chosen[remaining[pick]] = true;
            int[] next = new int[remaining.length - 1];
            for (int k = 0, r = 0; k < remaining.length; k++) if (k != pick) next[r++] = remaining[k];
            remaining = next;
        }
        return MultiKrum.meanOfChosen(set, chosen, new AggregateBuilder(m).scores("krum", firstScores));
    }
}
