package io.fedp2p.robustness.attack;

import io.fedp2p.robustness.vector.Chunks;
import io.fedp2p.robustness.vector.Vectors;
import java.util.List;

/**
 * {@code min-max} and {@code min-sum} (Shejwalkar and Houmansadr, NDSS 2021; ALGORITHMS.md §6.6): {@code mal = μ − γ·p}
 * over the benign updates x_j of the knowledge set, with p the unit mean {@code μ/‖μ‖}, {@code sign(μ)} or the
 * coordinate-wise std (ddof 1, default). Min-max takes the largest γ with {@code max_j ‖mal − x_j‖² ≤ max_{j,k}
 * ‖x_j − x_k‖²}; min-sum the largest with {@code Σ_j ‖mal − x_j‖² ≤ min_k Σ_j ‖x_k − x_j‖²}. Search as NDSS: γ = 10, step
 * 10, γ_succ = 0; while |γ − γ_succ| &gt; 1e-5: feasible → γ_succ = γ, γ += step/2, else γ −= step/2; step /= 2. All
 * attackers send the same vector. ‖μ‖ = 0 with unit, or fewer than 2 updates with std: send μ. Known answers for
 * benign (1,0), (0,1), (1,1), (0.5,0.2): min-max γ = 1.165276 / 0.832539 / 0.586796 and min-sum γ = 0.522537 /
 * 0.371647 / 0.262794 for std / unit / sign.
 *
 * <p>‖mal − x_j‖² = a_j − 2γ b_j + γ² c with a_j = ‖μ − x_j‖², b_j = p·(μ − x_j), c = ‖p‖², so each feasibility test
 * costs O(m) after one pass over the data.
 */
public final class MinMaxAttack implements Attack {
    /** Which distance criterion bounds γ. */
    public enum Criterion {
        MIN_MAX,
        MIN_SUM
    }

    /** The perturbation direction p. */
    public enum Direction {
        STD,
        UNIT,
        SIGN
    }

    static final double GAMMA0 = 10;
    static final double TOLERANCE = 1e-5;

    private final Criterion criterion;
    private final Direction direction;

    public MinMaxAttack(Criterion criterion, Direction direction) {
        this.criterion = java.util.Objects.requireNonNull(criterion, "criterion");
        this.direction = java.util.Objects.requireNonNull(direction, "direction");
    }

    @Override
    public String name() {
        return criterion == Criterion.MIN_MAX ? "min-max" : "min-sum";
    }

    @Override
    public Knowledge knowledge() {
        return Knowledge.LOCAL;
    }

    @Override
    public ForgedMessage forge(AttackContext ctx) {
        List<float[]> xs = ctx.benignUpdates();
        if (xs.isEmpty()) return ForgedMessage.honest(ctx, name() + ": no benign update received, sent the honest one");
        float[] mu = UpdateStatistics.mean(xs);
        float[] p = direction(xs, mu);
        if (p == null) return ForgedMessage.ofUpdate(ctx.reference(), mu, List.of(name() + ": degenerate p, sent μ"));
        double gamma = gamma(xs, mu, p);
        return ForgedMessage.ofUpdate(ctx.reference(), Vectors.addScaled(mu, -gamma, p), List.of());
    }

    /** The largest feasible γ found by the NDSS search. */
    double gamma(List<float[]> xs, float[] mu, float[] p) {
        int m = xs.size();
        double c = Vectors.squaredNorm(p);
        double[] a = new double[m];
        double[] b = new double[m];
        for (int j = 0; j < m; j++) {
            float[] x = xs.get(j);
            double[] ab = Chunks.sums(mu.length, 2, (from, to, out) -> {
                for (int e = from; e < to; e++) {
                    double t = (double) mu[e] - x[e];
                    out[0] += t * t;
                    out[1] += p[e] * t;
                }
            });
            a[j] = ab[0];
            b[j] = ab[1];
        }
        double bound = bound(Vectors.pairwiseSquaredDistances(xs));
        double gamma = GAMMA0;
        double step = GAMMA0;
        double success = 0;
        while (Math.abs(gamma - success) > TOLERANCE) {
            if (feasible(a, b, c, gamma, bound)) {
                success = gamma;
                gamma += step / 2;
            } else {
                gamma -= step / 2;
            }
            step /= 2;
        }
        return success;
    }

    private boolean feasible(double[] a, double[] b, double c, double gamma, double bound) {
        double max = 0;
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - 2 * gamma * b[j] + gamma * gamma * c;
            max = Math.max(max, d);
            sum += d;
        }
        return (criterion == Criterion.MIN_MAX ? max : sum) <= bound;
    }

    private double bound(double[][] sq) {
        int m = sq.length;
        double best = criterion == Criterion.MIN_MAX ? 0 : Double.POSITIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            double rowSum = 0;
            for (int k = 0; k < m; k++) {
                if (criterion == Criterion.MIN_MAX) best = Math.max(best, sq[j][k]);
                rowSum += sq[j][k];
            }
            if (criterion == Criterion.MIN_SUM) best = Math.min(best, rowSum);
        }
        return best;
    }

    private float[] direction(List<float[]> xs, float[] mu) {
        switch (direction) {
            case UNIT -> {
                double norm = Vectors.norm(mu);
                return norm == 0 ? null : Vectors.scale(mu, 1 / norm);
            }
            case SIGN -> {
                return UpdateStatistics.sign(mu);
            }
            default -> {
                return xs.size() < 2 ? null : UpdateStatistics.std(xs, mu, 1);
            }
        }
    }
}
