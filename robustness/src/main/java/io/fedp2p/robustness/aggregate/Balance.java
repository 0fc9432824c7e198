package io.fedp2p.robustness.aggregate;

import io.fedp2p.robustness.Verdict;
import io.fedp2p.robustness.vector.Vectors;

/**
 * BALANCE (Fang et al., ACM CCS 2024; ALGORITHMS.md §5.2): accept neighbour j iff
 * {@code ‖x_i − x_j‖ ≤ γ · exp(−κ·t/T) · ‖x_i‖}, then {@code α x_i + (1−α) · mean(accepted)}, or x_i when none is
 * accepted. fedp2p design (§5.2): norms and distances on θ, the trainable vector. The local training step that follows
 * in the paper is the trainer's. SPEC-GAP: with T unknown (≤ 0, e.g. a node that runs until stopped) the decay factor
 * is 1. Defaults γ = 0.3, κ = 1, α = 0.5. Scores: distance to the own vector.
 */
public final class Balance implements Aggregator {
    private final double gamma;
    private final double kappa;
    private final double alpha;
    private final long totalRounds;

    public Balance(double gamma, double kappa, double alpha, long totalRounds) {
        if (!(gamma > 0)) throw new IllegalArgumentException("balance: gamma must be > 0, got " + gamma);
        if (!(kappa >= 0)) throw new IllegalArgumentException("balance: kappa must be >= 0, got " + kappa);
        if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("balance: alpha must be in [0, 1]");
        this.gamma = gamma;
        this.kappa = kappa;
        this.alpha = alpha;
        this.totalRounds = totalRounds;
    }

    @Override
    public String name() {
        return "balance";
    }

    /** The acceptance radius for own-vector norm {@code ownNorm} in round {@code t}. */
    public double threshold(double ownNorm, long t) {
        double decay = totalRounds > 0 ? Math.exp(-kappa * (double) t / totalRounds) : 1.0;
        return gamma * decay * ownNorm;
    }

    @Override
    public Aggregate aggregate(VectorSet set, AggregationContext context) {
        set.requireOwn(name());
        int m = set.size();
        int own = set.ownIndex();
        double[] dist = WeightedMean.distancesTo(set.own(), set.vectors());
        double limit = threshold(Vectors.norm(set.own()), context.round());
        AggregateBuilder out = new AggregateBuilder(m).scores("distance-to-own", dist);
        int accepted = 0;
        for (int k = 0; k < m; k++) {
            if (k == own) continue;
            if (dist[k] <= limit) accepted++;
            else out.reject(k, Verdict.BALANCE_DISTANCE, "distance " + dist[k] + " > " + limit);
        }
        double[] w = new double[m];
        for (int k = 0; k < m; k++) {
            if (k != own && dist[k] <= limit) w[k] = (1 - alpha) / accepted;
        }
        w[own] = accepted == 0 ? 1 : alpha;
        out.weights(w).note("acceptance radius " + limit);
        return out.build(Vectors.weightedSum(set.vectors(), w));
    }
}
