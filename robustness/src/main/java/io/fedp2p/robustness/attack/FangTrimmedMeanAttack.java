package io.fedp2p.robustness.attack;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code fang-trimmed-mean} (Fang et al. 2020, as NDSS's trimmed-mean attack; ALGORITHMS.md §6.11), against trimmed
 * mean and median, on updates. With b = 2 and, per coordinate, w_max and w_min of the benign updates and s the
 * direction estimate (sign of the mean benign update, or of the own update): if s = −1 draw U[w_max, b·w_max] (w_max
 * &gt; 0) or U[w_max, w_max/b]; if s = +1 draw U[w_min/b, w_min] (w_min &gt; 0) or U[b·w_min, w_min]; independently per
 * attacker, from its own generator. SPEC-GAP: s = 0 sends the benign mean at that coordinate; with no benign update
 * received the own update is the only one known.
 */
public final class FangTrimmedMeanAttack implements Attack {
    private final double b;
    private final Knowledge direction;

    public FangTrimmedMeanAttack(double b, Knowledge direction) {
        if (!(b > 1)) throw new IllegalArgumentException("fang-trimmed-mean: b must be > 1, got " + b);
        if (direction == Knowledge.TARGET_OMNISCIENT) throw new IllegalArgumentException("direction: local or own");
        this.b = b;
        this.direction = direction;
    }

    @Override
    public String name() {
        return "fang-trimmed-mean";
    }

    @Override
    public Knowledge knowledge() {
        return direction;
    }

    @Override
    public ForgedMessage forge(AttackContext ctx) {
        List<float[]> set = new ArrayList<>(ctx.benignUpdates());
        List<String> notes = new ArrayList<>();
        if (set.isEmpty()) {
            set.add(ctx.ownUpdate());
            notes.add("fang-trimmed-mean: no benign update received, used the own one");
        }
        float[] mean = UpdateStatistics.mean(set);
        float[] s = UpdateStatistics.sign(direction == Knowledge.OWN ? ctx.ownUpdate() : mean);
        float[][] rows = set.toArray(new float[0][]);
        float[] mal = new float[mean.length];
        for (int e = 0; e < mal.length; e++) {
            float max = rows[0][e];
            float min = rows[0][e];
            for (float[] r : rows) {
                max = Math.max(max, r[e]);
                min = Math.min(min, r[e]);
            }
            if (s[e] < 0) mal[e] = (float) (max > 0 ? uniform(ctx, max, b * max) : uniform(ctx, max, max / b));
            else if (s[e] > 0) mal[e] = (float) (min > 0 ? uniform(ctx, min / b, min) : uniform(ctx, b * min, min));
            else mal[e] = mean[e];
        }
        return ForgedMessage.ofUpdate(ctx.reference(), mal, notes);
    }

    private static double uniform(AttackContext ctx, double lo, double hi) {
        return lo + (hi - lo) * ctx.rng().nextDouble();
    }
}
