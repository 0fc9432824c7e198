package io.fedp2p.robustness.attack;

import java.util.List;

/**
 * {@code free-rider} (ALGORITHMS.md §6.8): contributes nothing useful. {@code plain}: sends its round-start model θ_ref
 * (a zero update). {@code disguised}: θ_ref + N(0, σ_t²) with fedp2p design σ_t = σ₀/(t+1) (σ₀ = 1e-3, decay t^{−1}
 * counting rounds from 1). {@code uniform}: RFFL's {@code fr}, an update drawn from U(−1, 1) per coordinate.
 */
public final class FreeRiderAttack implements Attack {
    /** How the free-rider hides. */
    public enum Variant {
        PLAIN,
        DISGUISED,
        UNIFORM
    }

    private final Variant variant;
    private final double sigma0;

    public FreeRiderAttack(Variant variant, double sigma0) {
        this.variant = java.util.Objects.requireNonNull(variant, "variant");
        if (!(sigma0 >= 0) || Double.isInfinite(sigma0)) throw new IllegalArgumentException("bad sigma0 " + sigma0);
        this.sigma0 = sigma0;
    }

    @Override
    public String name() {
        return "free-rider";
    }

    @Override
    public Knowledge knowledge() {
        return Knowledge.OWN;
    }

    /** σ_t of the disguised variant in round t. */
    public double sigma(long round) {
        return sigma0 / (round + 1);
    }

    @Override
    public ForgedMessage forge(AttackContext ctx) {
        float[] update = new float[ctx.dimension()];
        switch (variant) {
            case DISGUISED -> {
                double s = sigma(ctx.round());
                for (int e = 0; e < update.length; e++)
                    update[e] = (float) (s * ctx.rng().nextGaussian());
            }
            case UNIFORM -> {
                for (int e = 0; e < update.length; e++)
                    update[e] = (float) (2 * ctx.rng().nextDouble() - 1);
            }
            default -> {}
        }
        return ForgedMessage.ofUpdate(ctx.reference(), update, List.of());
    }
}
