package io.fedp2p.robustness.aggregate;

import io.fedp2p.robustness.vector.Vectors;

/**
 * ClippedGossip / self-centred clipping (He, Karimireddy, Jaggi 2022; ALGORITHMS.md §5.1):
 * {@code x_i + Σ_{j≠i} W_ij · CLIP(x_j − x_i, τ)} with {@code CLIP(z, τ) = z · min(1, τ/‖z‖)}, clipping around the own
 * model. The result is the linear mix with weights {@code W_ij·c_j} (c_j the clip factor) and the rest on the own
 * vector. The momentum local step of the paper is the trainer's business; this is the gossip step. Needs an own
 * vector. Scores: distance to the own vector.
 */
public final class ClippedGossip implements Aggregator {
    private final ClippingRadius radius;

    public ClippedGossip(ClippingRadius radius) {
        this.radius = java.util.Objects.requireNonNull(radius, "radius");
    }

    public ClippingRadius radius() {
        return radius;
    }

    @Override
    public String name() {
        return "clipped-gossip";
    }

    @Override
    public Aggregate aggregate(VectorSet set, AggregationContext context) {
        set.requireOwn(name());
        double[] dist = WeightedMean.distancesTo(set.own(), set.vectors());
        return clip(set, dist, radiusFor(set, dist));
    }

    /** τ from the neighbours' distances {@code dist} (indexed like the set; the own entry is ignored). */
    public double radiusFor(VectorSet set, double[] dist) {
        int own = set.ownIndex();
        double[] d = new double[set.size() - 1];
        double[] w = new double[set.size() - 1];
        for (int k = 0, r = 0; k < set.size(); k++) {
            if (k == own) continue;
            d[r] = dist[k];
            w[r++] = set.weight(k);
        }
        return radius.radius(d, w);
    }

    /** The clipped mix with a given τ and the neighbours' distances to the own vector. */
    public static Aggregate clip(VectorSet set, double[] dist, double tau) {
        int m = set.size();
        int own = set.ownIndex();
        double[] w = new double[m];
        double rest = 1;
        AggregateBuilder out = new AggregateBuilder(m).scores("distance-to-own", dist);
        for (int k = 0; k < m; k++) {
            if (k == own) continue;
            double c = Vectors.clipFactor(dist[k], tau);
            w[k] = set.weight(k) * c;
            rest -= w[k];
            if (c < 1) out.detail(k, "clipped to tau = " + tau);
        }
        w[own] = rest;
        out.weights(w).note("tau = " + tau);
        return out.build(Vectors.weightedSum(set.vectors(), w));
    }
}
