package io.fedp2p.robustness.attack;

import io.fedp2p.robustness.vector.Vectors;
import java.util.List;

/**
 * {@code sign-flip} (ALGORITHMS.md §6.2). Default: send {@code θ_ref − s·Δ_own} (CC's bit-flipping worker). Variants:
 * {@code mean} sends {@code θ_ref − s·mean(benign Δ)} (byzfl, with local knowledge; the own update when none was
 * received), {@code model} sends {@code −s·θ} with θ the honest model (ClippedGossip's {@code BF}; the validation stage
 * drops it).
 */
public final class SignFlipAttack implements Attack {
    /** Which vector is flipped. */
    public enum Variant {
        OWN,
        MEAN,
        MODEL
    }

    private final double scale;
    private final Variant variant;

    public SignFlipAttack(double scale, Variant variant) {
        if (!(scale > 0)) throw new IllegalArgumentException("sign-flip: s must be > 0, got " + scale);
        this.scale = scale;
        this.variant = java.util.Objects.requireNonNull(variant, "variant");
    }

    @Override
    public String name() {
        return "sign-flip";
    }

    @Override
    public Knowledge knowledge() {
        return variant == Variant.MEAN ? Knowledge.LOCAL : Knowledge.OWN;
    }

    @Override
    public ForgedMessage forge(AttackContext ctx) {
        switch (variant) {
            case MODEL -> {
                float[] honest = Vectors.addScaled(ctx.reference(), 1, ctx.ownUpdate());
                return ForgedMessage.ofModel(ctx.reference(), Vectors.scale(honest, -scale), List.of());
            }
            case MEAN -> {
                if (ctx.benignUpdates().isEmpty()) {
                    return ForgedMessage.ofUpdate(
                            ctx.reference(),
                            Vectors.scale(ctx.ownUpdate(), -scale),
                            List.of("sign-flip: no benign update received, flipped the own one"));
                }
                float[] mean = UpdateStatistics.mean(ctx.benignUpdates());
                return ForgedMessage.ofUpdate(ctx.reference(), Vectors.scale(mean, -scale), List.of());
            }
            default -> {
                return ForgedMessage.ofUpdate(ctx.reference(), Vectors.scale(ctx.ownUpdate(), -scale), List.of());
            }
        }
    }
}
