package io.fedp2p.robustness.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * How ClippedGossip chooses its clipping radius τ_i from the neighbours' distances to the own model and their mixing
 * weights (ALGORITHMS.md §5.1).
 */
public sealed interface ClippingRadius
        permits ClippingRadius.Fixed, ClippingRadius.SecondLargest, ClippingRadius.TrimmedOracle {

    /** τ for neighbours at {@code distances} with mixing weights {@code weights}; may be +∞ (no clipping). */
    double radius(double[] distances, double[] weights);

    /** A fixed τ (the experiments use 0.01, 0.1, 1). */
    record Fixed(double tau) implements ClippingRadius {
        public Fixed {
            if (!(tau > 0)) throw new IllegalArgumentException("tau must be > 0, got " + tau);
        }

        @Override
        public double radius(double[] distances, double[] weights) {
            return tau;
        }
    }

    /**
     * The reference code's heuristic: τ = the second-largest neighbour distance. SPEC-GAP: with a single neighbour, its
     * own distance (nothing is clipped); with none, +∞.
     */
    record SecondLargest() implements ClippingRadius {
        @Override
        public double radius(double[] distances, double[] weights) {
            if (distances.length == 0) return Double.POSITIVE_INFINITY;
            double[] s = distances.clone();
            java.util.Arrays.sort(s);
            return s.length == 1 ? s[0] : s[s.length - 2];
        }
    }

    /**
     * fedp2p design (ALGORITHMS.md §5.1): the trimmed oracle. With an assumed Byzantine weight bound δ, sort neighbours
     * by distance, drop the farthest ones whose weights add up to at most δ (the largest such farthest-first prefix, so
     * that any set of attackers holding ≤ δ of the weight and sitting farthest is dropped entirely), and set τ =
     * sqrt((1/δ) Σ_kept W_ij ‖x_j − x_i‖²). δ = 0 gives τ = +∞. SPEC-GAP: the nearest neighbour is always kept, so that
     * a node whose whole neighbourhood weighs ≤ δ still gets a positive radius.
     */
    record TrimmedOracle(double delta) implements ClippingRadius {
        public TrimmedOracle {
            if (!(delta >= 0 && delta < 1)) throw new IllegalArgumentException("delta must be in [0, 1), got " + delta);
        }

        @Override
        public double radius(double[] distances, double[] weights) {
            int n = distances.length;
            if (n == 0 || delta == 0) return Double.POSITIVE_INFINITY;
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < n; k++) order.add(k);
            order.sort((a, b) ->
                    distances[a] != distances[b] ? Double.compare(distances[b], distances[a]) : Integer.compare(b, a));
            double dropped = 0;
            int firstKept = 0;
            while (firstKept < n - 1 && dropped + weights[order.get(firstKept)] <= delta) {
                dropped += weights[order.get(firstKept)];
                firstKept++;
            }
            double s = 0;
            for (int r = firstKept; r < n; r++) {
                int k = order.get(r);
                s += weights[k] * distances[k] * distances[k];
            }
            return Math.sqrt(s / delta);
        }
    }

    /**
     * The theory oracle τ_i = sqrt((1/δ_i) Σ_{j good} W_ij ‖x_j − x_i‖²) with δ_i the true Byzantine weight at i; +∞
     * when δ_i = 0. Simulation only: it needs ground truth.
     */
    static double oracle(double[] distances, double[] weights, boolean[] byzantine) {
        double bad = 0;
        double s = 0;
        for (int k = 0; k < distances.length; k++) {
            if (byzantine[k]) bad += weights[k];
            else s += weights[k] * distances[k] * distances[k];
        }
        return bad == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(s / bad);
    }
}
