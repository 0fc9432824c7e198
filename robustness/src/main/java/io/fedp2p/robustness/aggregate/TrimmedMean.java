package io.fedp2p.robustness.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * Coordinate-wise trimmed mean (Yin et al. 2018; ALGORITHMS.md §5.5): per coordinate, drop the b largest and b
 * smallest of the m values (own included) and average the rest. b is an explicit count (default f). When
 * {@code m − 2b ≤ 0}, {@code b_eff = ⌊(m−1)/2⌋}, i.e. the median, as ClippedGossip's decrement loop yields; b = 0 is the
 * plain mean. Known answers: {1, 2, 3, 10} with b = 2 gives 2.5; {−50, 1, 2, 3, 10} with b = 1 gives 2. Weights are
 * ignored.
 */
public final class TrimmedMean implements Aggregator {
    private final int b;

    public TrimmedMean(int b) {
        if (b < 0) throw new IllegalArgumentException("trimmed-mean: b must be >= 0, got " + b);
        this.b = b;
    }

    public int b() {
        return b;
    }

    /** The count actually trimmed from each end for m values. */
    public static int effectiveTrim(int m, int b) {
        return (m - 2 * b > 0) ? b : (m - 1) / 2;
    }

    @Override
    public String name() {
        return "trimmed-mean";
    }

    @Override
    public Aggregate aggregate(VectorSet set, AggregationContext context) {
        int m = set.size();
        int trim = effectiveTrim(m, b);
        List<String> notes = new ArrayList<>();
        if (trim != b) notes.add("b = " + b + " leaves no value of " + m + "; trimmed b_eff = " + trim);
        float[] out = CoordinateSort.reduce(set.vectors(), (sorted, len, target, from) -> {
            double[] sum = new double[len];
            for (int k = trim; k < m - trim; k++) {
                float[] row = sorted[k];
                for (int e = 0; e < len; e++) sum[e] += row[e];
            }
            double kept = m - 2 * trim;
            for (int e = 0; e < len; e++) target[from + e] = (float) (sum[e] / kept);
        });
        return Aggregate.allAccepted(out, WeightedMean.distancesTo(out, set.vectors()), "distance-to-aggregate", notes);
    }
}
