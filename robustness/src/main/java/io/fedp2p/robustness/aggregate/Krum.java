package io.fedp2p.robustness.aggregate;

import io.fedp2p.robustness.Verdict;
import io.fedp2p.robustness.vector.Vectors;
import java.util.List;

/**
 * Krum (Blanchard et al. 2017; ALGORITHMS.md §5.3): the vector with the smallest Krum score, i.e. the smallest sum of
 * squared distances to its m−f−2 nearest other vectors; needs m ≥ 2f+3; ties go to the lower index. Known answers:
 * 1-D points [3.2, 2.7, 5.6, 0.2, 4.4, 3.7, 0.2] with f = 1 select 3.7 (byzfl's m−f−1 would pick 2.7); {0, 1, 2, 10,
 * 100} with f = 1 select 1. Weights are ignored. Scores: the Krum scores.
 */
public final class Krum implements Aggregator {
    private final int f;

    public Krum(int f) {
        if (f < 0) throw new IllegalArgumentException("krum: f must be >= 0, got " + f);
        this.f = f;
    }

    public int f() {
        return f;
    }

    @Override
    public String name() {
        return "krum";
    }

    @Override
    public Aggregate aggregate(VectorSet set, AggregationContext context) {
        int m = set.size();
        KrumScores.requireBound(name(), m, f);
        double[][] sq = Vectors.pairwiseSquaredDistances(set.vectors());
        double[] scores = KrumScores.scores(sq, KrumScores.all(m), f);
        int winner = KrumScores.argmin(scores);
        AggregateBuilder out = new AggregateBuilder(m).scores("krum", scores);
        double[] w = new double[m];
        w[winner] = 1;
        out.weights(w);
        for (int k = 0; k < m; k++) {
            if (k != winner) out.reject(k, Verdict.KRUM_NOT_SELECTED, "score " + scores[k] + " > " + scores[winner]);
        }
        return out.build(set.vector(winner).clone());
    }

    /**
     * Index Krum selects given the squared pairwise distances of m vectors and f (m ≥ 2f + 3); used by the Fang attack's
     * search (§6.11), which builds the matrix cheaply for many candidate vectors.
     */
    public static int selectFromDistances(double[][] squaredDistances, int f) {
        int m = squaredDistances.length;
        KrumScores.requireBound("krum", m, f);
        return KrumScores.argmin(KrumScores.scores(squaredDistances, KrumScores.all(m), f));
    }

    /** Index Krum selects among {@code vectors} with this f. */
    public int select(List<float[]> vectors) {
        KrumScores.requireBound(name(), vectors.size(), f);
        double[][] sq = Vectors.pairwiseSquaredDistances(vectors);
        return KrumScores.argmin(KrumScores.scores(sq, KrumScores.all(vectors.size()), f));
    }
}
