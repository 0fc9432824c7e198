package io.fedp2p.robustness.attack;

import io.fedp2p.robustness.vector.Vectors;
import java.util.List;

/**
 * {@code ipm}, inner-product manipulation (Xie et al. 2019; ALGORITHMS.md §6.5): {@code Δ_mal = −ε·mean(benign Δ)} over
 * the knowledge set, sent as {@code θ_ref + Δ_mal}. ε = 0.1 against robust rules; against the plain mean the aggregate
 * reverses only when ε &gt; (n−f)/f. SPEC-GAP: with no benign update received, the own honest update stands in for the
 * mean.
 */
public final class IpmAttack implements Attack {
    private final double epsilon;

    public IpmAttack(double epsilon) {
        if (!(epsilon > 0)) throw new IllegalArgumentException("ipm: epsilon must be > 0, got " + epsilon);
        this.epsilon = epsilon;
    }

    @Override
    public String name() {
        return "ipm";
    }

    @Override
    public Knowledge knowledge() {
        return Knowledge.LOCAL;
    }

    @Override
    public ForgedMessage forge(AttackContext ctx) {
        boolean none = ctx.benignUpdates().isEmpty();
        float[] mean = none ? ctx.ownUpdate() : UpdateStatistics.mean(ctx.benignUpdates());
        List<String> notes = none ? List.of("ipm: no benign update received, used the own update") : List.of();
        return ForgedMessage.ofUpdate(ctx.reference(), Vectors.scale(mean, -epsilon), notes);
    }
}
