package io.fedp2p.robustness.attack;

import io.fedp2p.robustness.vector.Chunks;
import java.util.List;

/**
 * {@code dissensus} (ClippedGossip; ALGORITHMS.md §6.7): target-omniscient, on models, simulation only. Sends
 * {@code x_t − ε · Σ_{j good∈N_t} W[t][j](x_j − x_t) / Σ_{k Byz∈N_t} W[t][k]}, cancelling the target's pull towards its
 * honest neighbours (ε = 1 cancels it exactly when every Byzantine neighbour sends this). An attacker with several
 * honest neighbours needs one message per target (equivocation), which the simulator arranges by calling once per
 * target. Default ε = 1.5.
 */
public final class DissensusAttack implements Attack {
    private final double epsilon;

    public DissensusAttack(double epsilon) {
        if (!(epsilon > 0)) throw new IllegalArgumentException("dissensus: epsilon must be > 0, got " + epsilon);
        this.epsilon = epsilon;
    }

    @Override
    public String name() {
        return "dissensus";
    }

    @Override
    public Knowledge knowledge() {
        return Knowledge.TARGET_OMNISCIENT;
    }

    @Override
    public ForgedMessage forge(AttackContext ctx) {
        TargetView view = ctx.target()
                .orElseThrow(() -> new IllegalArgumentException(
                        "dissensus needs target-omniscient knowledge (simulation only): no target view given"));
        float[] xt = view.target();
        List<float[]> good = view.honestNeighbours();
        double[] w = view.honestWeights();
        double scale = epsilon / view.byzantineWeight();
        float[] out = new float[xt.length];
        float[][] rows = good.toArray(new float[0][]);
        Chunks.forEach(xt.length, (from, to) -> {
            for (int e = from; e < to; e++) {
                double pull = 0;
                for (int j = 0; j < rows.length; j++) pull += w[j] * ((double) rows[j][e] - xt[e]);
                out[e] = (float) (xt[e] - scale * pull);
            }
        });
        return ForgedMessage.ofModel(ctx.reference(), out, List.of());
    }
}
