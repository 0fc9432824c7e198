package io.fedp2p.robustness.aggregate;

import io.fedp2p.robustness.vector.Chunks;
import io.fedp2p.robustness.vector.Vectors;
import java.util.List;

/**
 * Centered clipping (Karimireddy, He, Jaggi, ICML 2021; ALGORITHMS.md §5.6): starting from a centre v, repeat L times
 * {@code v ← v + (1/m) Σ_k CLIP(x_k − v, τ)} with {@code CLIP(0, τ) = 0}. The centre is the caller's previous output
 * when {@link AggregationContext#centre()} gives one; otherwise the configured {@link Start}. Known answers, 1-D inputs
 * {0, 1, 10}: v₀ = 0, τ = 1, L = 1 gives 0.6667; v₀ = 1 gives 1.0; L = 5 gives 0.99588; τ = 100 gives the mean 3.6667.
 * Weights are ignored. Scores: distance to the result.
 */
public final class CenteredClipping implements Aggregator {
    /** The first centre when the context gives none. */
    public enum Start {
        /** v₀ = 0: inputs are updates or momenta (the CC authors' code). */
        ZERO,
        /** v₀ = the own vector: inputs are models (ClippedGossip's {@code DeClipping}). */
        OWN,
        /** v₀ = the coordinate-wise mean. */
        MEAN
    }

    private final double tau;
    private final int iterations;
    private final Start start;

    public CenteredClipping(double tau, int iterations, Start start) {
        if (!(tau > 0)) throw new IllegalArgumentException("centered-clipping: tau must be > 0, got " + tau);
        if (iterations < 1) throw new IllegalArgumentException("centered-clipping: iterations must be >= 1");
        this.tau = tau;
        this.iterations = iterations;
        this.start = java.util.Objects.requireNonNull(start, "start");
    }

    @Override
    public String name() {
        return "centered-clipping";
    }

    @Override
    public Aggregate aggregate(VectorSet set, AggregationContext context) {
        List<float[]> xs = set.vectors();
        int m = xs.size();
        float[] v = context.centre().map(float[]::clone).orElseGet(() -> firstCentre(set));
        Vectors.requireSameLength(v, xs.get(0));
        float[][] rows = xs.toArray(new float[0][]);
        for (int it = 0; it < iterations; it++) {
            double[] dist = WeightedMean.distancesTo(v, xs);
            double[] c = new double[m];
            for (int k = 0; k < m; k++) c[k] = Vectors.clipFactor(dist[k], tau) / m;
            float[] centre = v;
            float[] next = new float[v.length];
            Chunks.forEach(v.length, (from, to) -> {
                for (int e = from; e < to; e++) {
                    double s = 0;
                    for (int k = 0; k < m; k++) s += c[k] * ((double) rows[k][e] - centre[e]);
                    next[e] = (float) (centre[e] + s);
                }
            });
            v = next;
        }
        return Aggregate.allAccepted(v, WeightedMean.distancesTo(v, xs), "distance-to-aggregate", List.of());
    }

    private float[] firstCentre(VectorSet set) {
        switch (start) {
            case OWN:
                set.requireOwn("centered-clipping with v0 = own");
                return set.own().clone();
            case MEAN:
                return Vectors.mean(set.vectors());
            default:
                return new float[set.dimension()];
        }
    }
}
