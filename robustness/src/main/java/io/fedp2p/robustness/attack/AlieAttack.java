package io.fedp2p.robustness.attack;

import io.fedp2p.robustness.vector.Chunks;
import io.fedp2p.robustness.vector.NormalQuantile;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code alie}, "A Little Is Enough" (Baruch et al. 2019; ALGORITHMS.md §6.4): μ and s are the coordinate-wise mean and
 * standard deviation (ddof 1 by default) of the updates in the knowledge set (local: the benign updates received; own:
 * the colluders' honest updates, the original's setting, whose code uses ddof 0). Send {@code θ_ref + (μ − z·s)} — minus,
 * as in Baruch's code, ClippedGossip and CC. z is explicit (default 1.5) or a formula: {@code formula-original}
 * Φ⁻¹((n−s₀)/n) with s₀ = ⌊n/2+1⌋ − f, or {@code formula-cg} Φ⁻¹((n−f−s₀)/(n−f)), n and f global counts. When the
 * formula's argument is ≤ 0.5 or ≥ 1 (common sizes) the explicit z is used and a note says so. With fewer than two
 * vectors to estimate from, the honest update is sent. fedp2p design (§6, §9): local knowledge, explicit z = 1.5 and
 * ddof 1 by default. Known z: n = 10, f = 3 gives 0.5244 (original) and 0.1800
 * (CG); n = 25, f = 5 gives 0.4677 and 0.2533.
 */
public final class AlieAttack implements Attack {
    /** How z is chosen. */
    public enum ZMode {
        EXPLICIT,
        FORMULA_ORIGINAL,
        FORMULA_CG
    }

    private final double z;
    private final ZMode mode;
    private final Knowledge knowledge;
    private final int ddof;

    public AlieAttack(double z, ZMode mode, Knowledge knowledge, int ddof) {
        if (!Double.isFinite(z)) throw new IllegalArgumentException("alie: z must be finite");
        if (knowledge == Knowledge.TARGET_OMNISCIENT)
            throw new IllegalArgumentException("alie: knowledge local or own");
        if (ddof < 0 || ddof > 1) throw new IllegalArgumentException("alie: ddof must be 0 or 1");
        this.z = z;
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
        this.knowledge = knowledge;
        this.ddof = ddof;
    }

    @Override
    public String name() {
        return "alie";
    }

    @Override
    public Knowledge knowledge() {
        return knowledge;
    }

    /** The z used for n nodes and f Byzantine ones; notes receive a remark when the formula falls back. */
    public double zFor(int n, int f, List<String> notes) {
        if (mode == ZMode.EXPLICIT) return z;
        if (n <= 0) {
            notes.add("alie: global counts unknown, explicit z = " + z + " used");
            return z;
        }
        int s0 = (int) Math.floor(n / 2.0 + 1) - f;
        double arg = mode == ZMode.FORMULA_ORIGINAL ? (double) (n - s0) / n : (double) (n - f - s0) / (n - f);
        if (!(arg > 0.5 && arg < 1)) {
            notes.add("alie: formula argument " + arg + " outside (0.5, 1) at n = " + n + ", f = " + f
                    + "; explicit z = " + z + " used");
            return z;
        }
        return NormalQuantile.inverse(arg);
    }

    @Override
    public ForgedMessage forge(AttackContext ctx) {
        List<float[]> set = knowledge == Knowledge.OWN ? ctx.colluderUpdates() : ctx.benignUpdates();
        if (set.size() < 2) {
            return ForgedMessage.honest(ctx, "alie: fewer than 2 updates to estimate from, sent the honest update");
        }
        List<String> notes = new ArrayList<>();
        double zz = zFor(ctx.nodes(), ctx.byzantine(), notes);
        float[] mu = UpdateStatistics.mean(set);
        float[] s = UpdateStatistics.std(set, mu, ddof);
        float[] mal = new float[mu.length];
        Chunks.forEach(mu.length, (from, to) -> {
            for (int e = from; e < to; e++) mal[e] = (float) (mu[e] - zz * s[e]);
        });
        return ForgedMessage.ofUpdate(ctx.reference(), mal, notes);
    }
}
