package io.fedp2p.robustness.aggregate;

import io.fedp2p.robustness.LossEvaluator;
import io.fedp2p.robustness.Verdict;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mozi / UBAR (Guo et al. 2020; ALGORITHMS.md §5.7). Stage 1 keeps the k nearest neighbours of the own vector
 * (Euclidean, ties by lower index); fedp2p design (§5.7): k = ⌈ρ·|N_i|⌉ clamped to at least 1. Stage 2 keeps those whose
 * loss on one local minibatch is ≤ the own model's loss on the same batch (ties kept); if none survives, the single
 * nearest neighbour is kept (ClippedGossip's fallback). Result {@code α x_i + (1−α)·mean(kept)}; the gradient step of
 * the update rule is the trainer's. Without a {@link LossEvaluator} stage 2 is skipped and a note says so. Defaults
 * ρ = 0.4, α = 0.5. Known answer: 4 neighbours with ρ = 0.4 keep ⌈1.6⌉ = 2 (ClippedGossip's floor keeps 1).
 */
public final class Mozi implements Aggregator {
    private final double rho;
    private final double alpha;

    public Mozi(double rho, double alpha) {
        if (!(rho > 0 && rho <= 1)) throw new IllegalArgumentException("mozi: rho must be in (0, 1], got " + rho);
        if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("mozi: alpha must be in [0, 1]");
        this.rho = rho;
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "mozi";
    }

    /** Stage 1's k for {@code neighbours} neighbours. */
    public int nearestCount(int neighbours) {
        return Math.min(neighbours, Math.max(1, (int) Math.ceil(rho * neighbours - 1e-12)));
    }

    @Override
    public Aggregate aggregate(VectorSet set, AggregationContext context) {
        set.requireOwn(name());
        int m = set.size();
        int own = set.ownIndex();
        double[] dist = WeightedMean.distancesTo(set.own(), set.vectors());
        AggregateBuilder out = new AggregateBuilder(m).scores("distance-to-own", dist);
        List<Integer> byDistance = new ArrayList<>();
        for (int k = 0; k < m; k++) if (k != own) byDistance.add(k);
        byDistance.sort((a, b) -> dist[a] != dist[b] ? Double.compare(dist[a], dist[b]) : Integer.compare(a, b));
        int k1 = nearestCount(byDistance.size());
        List<Integer> kept = new ArrayList<>(byDistance.subList(0, k1));
        for (int r = k1; r < byDistance.size(); r++) {
            out.reject(byDistance.get(r), Verdict.MOZI_DISTANCE, "not among the " + k1 + " nearest");
        }
        Optional<LossEvaluator> loss = context.loss();
        if (loss.isPresent() && !kept.isEmpty()) {
            kept = stageTwo(set, kept, loss.get(), out);
        } else if (!kept.isEmpty()) {
            out.note("stage 2 skipped: no minibatch-loss evaluator");
        }
        double[] w = new double[m];
        for (int k : kept) w[k] = (1 - alpha) / kept.size();
        w[own] = kept.isEmpty() ? 1 : alpha;
        out.weights(w);
        return out.build(Vectors.weightedSum(set.vectors(), w));
    }

    private static List<Integer> stageTwo(VectorSet set, List<Integer> kept, LossEvaluator loss, AggregateBuilder out) {
        double ownLoss = loss.loss(set.own());
        List<Integer> survivors = new ArrayList<>();
        for (int k : kept) {
            double l = loss.loss(set.vector(k));
            if (l <= ownLoss) survivors.add(k);
            else out.reject(k, Verdict.MOZI_LOSS, "loss " + l + " > own " + ownLoss);
        }
        if (survivors.isEmpty()) {
            int nearest = kept.get(0);
            out.accept(nearest, "kept as the nearest neighbour: no candidate beat the own loss");
            survivors.add(nearest);
        }
        return survivors;
    }
}
