package io.fedp2p.robustness.aggregate;

import io.fedp2p.robustness.vector.Vectors;
import java.util.List;

/**
 * Geometric median by smoothed Weiszfeld iterations (RFA, Pillutla, Kakade, Harchaoui 2022; ALGORITHMS.md §5.8):
 * {@code z ← Σ β_k x_k / Σ β_k} with {@code β_k = 1 / max(ν, ‖z − x_k‖)}, uniform weights over all m vectors.
 *
 * <p>fedp2p design (ALGORITHMS.md §5.8): z₀ = coordinate-wise mean, ν = 1e-5, a fixed T = 8 iterations and no early
 * stop, so that the result is deterministic. The other published settings are reachable for comparison: z₀ = 0, ν =
 * 0.1, T = 3 or 8 (ClippedGossip, CC, byzfl), or RFA's own early stop when the objective Σ‖z − x_k‖ changes by less
 * than {@code relativeTolerance} of itself. Known answer, points (0,0), (1,0), (0,1), (10,10): z₀ = 0, ν = 0.1, T = 3
 * gives (0.369, 0.369); T = 8 gives (0.499, 0.499); RFA's settings give (0.522, 0.522). Scores: distance to the result.
 */
public final class GeometricMedian implements Aggregator {
    /** Where the iteration starts. */
    public enum Start {
        ZERO,
        MEAN
    }

    /** fedp2p's pinned settings. */
    public static final GeometricMedian DEFAULT = new GeometricMedian(Start.MEAN, 1e-5, 8, 0);

    private final Start start;
    private final double nu;
    private final int iterations;
    private final double relativeTolerance;

    /**
     * @param relativeTolerance 0 for a fixed number of iterations; otherwise stop once the objective changes by less
     *     than this fraction of itself (RFA uses 1e-6 with at most 4 iterations)
     */
    public GeometricMedian(Start start, double nu, int iterations, double relativeTolerance) {
        this.start = java.util.Objects.requireNonNull(start, "start");
        if (!(nu > 0)) throw new IllegalArgumentException("geometric-median: nu must be > 0, got " + nu);
        if (iterations < 0) throw new IllegalArgumentException("geometric-median: iterations must be >= 0");
        if (!(relativeTolerance >= 0)) throw new IllegalArgumentException("geometric-median: tolerance must be >= 0");
        this.nu = nu;
        this.iterations = iterations;
        this.relativeTolerance = relativeTolerance;
    }

    @Override
    public String name() {
        return "geometric-median";
    }

    @Override
    public Aggregate aggregate(VectorSet set, AggregationContext context) {
        List<float[]> xs = set.vectors();
        int m = xs.size();
        float[] z = start == Start.MEAN ? Vectors.mean(xs) : new float[set.dimension()];
        double[] dist = WeightedMean.distancesTo(z, xs);
        double objective = sum(dist) / m;
        int done = 0;
        for (int t = 0; t < iterations; t++) {
            double[] beta = new double[m];
            double total = 0;
            for (int k = 0; k < m; k++) {
                beta[k] = 1.0 / Math.max(nu, dist[k]);
                total += beta[k];
            }
            for (int k = 0; k < m; k++) beta[k] /= total;
            z = Vectors.weightedSum(xs, beta);
            dist = WeightedMean.distancesTo(z, xs);
            done++;
            double next = sum(dist) / m;
            boolean converged = relativeTolerance > 0 && Math.abs(objective - next) < relativeTolerance * next;
            objective = next;
            if (converged) break;
        }
        return Aggregate.allAccepted(
                z, dist, "distance-to-aggregate", List.of("Weiszfeld iterations: " + done + " of " + iterations));
    }

    private static double sum(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s;
    }
}
