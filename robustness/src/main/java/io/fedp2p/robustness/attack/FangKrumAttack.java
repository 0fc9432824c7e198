package io.fedp2p.robustness.attack;

import io.fedp2p.robustness.aggregate.Krum;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code fang-krum} (Fang et al. 2020, as NDSS's {@code get_malicious_updates_fang}; ALGORITHMS.md §6.11): send
 * {@code θ_mal = θ_ref − λ·s}, s = sign(mean benign Δ) (local knowledge) or sign(Δ_own) (own), sign(0) = 0. With w_i the
 * victim's benign models (target-omniscient: the target and its honest neighbours; otherwise the models received), m =
 * |benign| + c and d the dimension:
 * {@code λ₀ = min_i Σ_{l ∈ nearest_{m−c−2}(i)} ‖w_l − w_i‖ / ((m−2c−1)√d) + max_i ‖w_i − θ_ref‖/√d}; halve λ while
 * λ &gt; 1e-5 until the victim's Krum (§5.3's variant, its f) selects one of the c identical copies; if none is
 * selected, send θ_ref. The sign convention pushes against the honest change (do not copy Bristle's, §6.11).
 * SPEC-GAP: when m − 2c − 1 ≤ 0 the first term is dropped; the victim's f is lowered to fit Krum's bound as the
 * defence does.
 */
public final class FangKrumAttack implements Attack {
    static final double LAMBDA_FLOOR = 1e-5;

    private final Knowledge direction;

    public FangKrumAttack(Knowledge direction) {
        if (direction == Knowledge.TARGET_OMNISCIENT) throw new IllegalArgumentException("direction: local or own");
        this.direction = direction;
    }

    @Override
    public String name() {
        return "fang-krum";
    }

    @Override
    public Knowledge knowledge() {
        return direction;
    }

    @Override
    public ForgedMessage forge(AttackContext ctx) {
        List<float[]> w = new ArrayList<>();
        ctx.target()
                .ifPresentOrElse(
                        t -> {
                            w.add(t.target());
                            w.addAll(t.honestNeighbours());
                        },
                        () -> w.addAll(ctx.benignModels()));
        if (w.isEmpty()) return ForgedMessage.honest(ctx, "fang-krum: no benign model known, sent the honest update");
        float[] s = UpdateStatistics.sign(
                direction == Knowledge.OWN || ctx.benignUpdates().isEmpty()
                        ? ctx.ownUpdate()
                        : UpdateStatistics.mean(ctx.benignUpdates()));
        float[] ref = ctx.reference();
        int c = ctx.copies();
        int nb = w.size();
        int m = nb + c;
        double[][] benign = Vectors.pairwiseSquaredDistances(w);
        double[] refSq = Vectors.squaredDistances(ref, w);
        double[] dot = new double[nb];
        for (int i = 0; i < nb; i++) dot[i] = Vectors.dot(s, Vectors.subtract(ref, w.get(i)));
        double ss = Vectors.squaredNorm(s);
        int f = Math.min(ctx.victimF(), (m - 3) / 2);
        if (m < 3 || ss == 0) return ForgedMessage.ofModel(ref, ref.clone(), List.of("fang-krum: Krum cannot run"));
        for (double lambda = lambda0(benign, refSq, c, m, ref.length); lambda > LAMBDA_FLOOR; lambda /= 2) {
            double[][] sq = new double[m][m];
            for (int i = 0; i < nb; i++) {
                System.arraycopy(benign[i], 0, sq[i], 0, nb);
                double toCopy = Math.max(0, refSq[i] - 2 * lambda * dot[i] + lambda * lambda * ss);
                for (int k = nb; k < m; k++) {
                    sq[i][k] = toCopy;
                    sq[k][i] = toCopy;
                }
            }
            if (Krum.selectFromDistances(sq, f) >= nb) {
                return ForgedMessage.ofModel(ref, Vectors.addScaled(ref, -lambda, s), List.of("lambda = " + lambda));
            }
        }
        return ForgedMessage.ofModel(
                ref, ref.clone(), List.of("fang-krum: no lambda above the floor wins, sent θ_ref"));
    }

    static double lambda0(double[][] benign, double[] refSq, int c, int m, int d) {
        int nb = benign.length;
        double sqrtD = Math.sqrt(d);
        double far = 0;
        for (double r : refSq) far = Math.max(far, Math.sqrt(r));
        int denominator = m - 2 * c - 1;
        int neighbours = Math.min(nb - 1, Math.max(0, m - c - 2));
        if (denominator <= 0 || neighbours == 0) return far / sqrtD;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < nb; i++) {
            double[] row = new double[nb - 1];
            for (int l = 0, r = 0; l < nb; l++) if (l != i) row[r++] = Math.sqrt(benign[i][l]);
            Arrays.sort(row);
            double sum = 0;
            for (int k = 0; k < neighbours; k++) sum += row[k];
            best = Math.min(best, sum);
        }
        return best / (denominator * sqrtD) + far / sqrtD;
    }
}
