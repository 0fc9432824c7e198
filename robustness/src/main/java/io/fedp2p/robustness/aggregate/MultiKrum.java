package io.fedp2p.robustness.aggregate;

import io.fedp2p.robustness.Verdict;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One-shot Multi-Krum (ALGORITHMS.md §5.3): the unweighted <em>mean</em> (not a sum) of the M vectors with the lowest
 * Krum scores, M = m − f by default; ties by lower index. Needs m ≥ 2f+3.
 */
public final class MultiKrum implements Aggregator {
    private final int f;
    private final int selectCount;

    /** {@code selectCount} = M, or 0 for the default m − f. */
    public MultiKrum(int f, int selectCount) {
        if (f < 0) throw new IllegalArgumentException("multi-krum: f must be >= 0, got " + f);
        if (selectCount < 0) throw new IllegalArgumentException("multi-krum: m must be >= 1, got " + selectCount);
        this.f = f;
        this.selectCount = selectCount;
    }

    @Override
    public String name() {
        return "multi-krum";
    }

    @Override
    public Aggregate aggregate(VectorSet set, AggregationContext context) {
        int m = set.size();
        KrumScores.requireBound(name(), m, f);
        int count = selectCount == 0 ? m - f : selectCount;
        if (count > m) throw new IllegalArgumentException("multi-krum: cannot select M = " + count + " of m = " + m);
        double[] scores = KrumScores.scores(Vectors.pairwiseSquaredDistances(set.vectors()), KrumScores.all(m), f);
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < m; k++) order.add(k);
        order.sort(Comparator.<Integer>comparingDouble(k -> scores[k]).thenComparingInt(k -> k));
        boolean[] chosen = new boolean[m];
        for (int r = 0; r < count; r++) chosen[order.get(r)] = true;
        return meanOfChosen(set, chosen, new AggregateBuilder(m).scores("krum", scores));
    }

    static Aggregate meanOfChosen(VectorSet set, boolean[] chosen, AggregateBuilder out) {
        int m = set.size();
        int count = 0;
        for (boolean c : chosen) if (c) count++;
        double[] w = new double[m];
        for (int k = 0; k < m; k++) {
            if (chosen[k]) w[k] = 1.0 / count;
            else out.reject(k, Verdict.KRUM_NOT_SELECTED, "not among the " + count + " selected");
        }
        out.weights(w);
        return out.build(Vectors.weightedSum(set.vectors(), w));
    }
}
