package io.fedp2p.robustness.aggregate;

import java.util.List;

/**
 * Coordinate-wise median over all m vectors, own included (ALGORITHMS.md §5.4). For even m the mean of the two middle
 * order statistics, as ClippedGossip's {@code CM}, byzfl and Bristle do (not the lower or upper middle): {1, 2, 3, 10}
 * gives 2.5. Weights are ignored. Scores: each vector's Euclidean distance to the result.
 */
public final class CoordinateMedian implements Aggregator {
    @Override
    public String name() {
        return "median";
    }

    @Override
    public Aggregate aggregate(VectorSet set, AggregationContext context) {
        float[] out = CoordinateSort.reduce(set.vectors(), CoordinateSort::median);
        return Aggregate.allAccepted(
                out, WeightedMean.distancesTo(out, set.vectors()), "distance-to-aggregate", List.of());
    }
}
