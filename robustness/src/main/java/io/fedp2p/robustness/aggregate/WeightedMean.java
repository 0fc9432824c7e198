package io.fedp2p.robustness.aggregate;

import io.fedp2p.robustness.vector.Vectors;
import java.util.List;

/**
 * Σ_k w_k x_k: plain gossip mixing with the rows of W (ALGORITHMS.md §1.1), the no-defence baseline. Scores are the
 * normalised weights.
 */
public final class WeightedMean implements Aggregator {
    @Override
    public String name() {
        return "mean";
    }

    @Override
    public Aggregate aggregate(VectorSet set, AggregationContext context) {
        double[] w = set.weights();
        float[] out = Vectors.weightedSum(set.vectors(), w);
        return new AggregateBuilder(set.size()).scores("weight", w).weights(w).build(out);
    }

    static double[] distancesTo(float[] centre, List<float[]> xs) {
        double[] sq = Vectors.squaredDistances(centre, xs);
        for (int k = 0; k < sq.length; k++) sq[k] = Math.sqrt(sq[k]);
        return sq;
    }
}
