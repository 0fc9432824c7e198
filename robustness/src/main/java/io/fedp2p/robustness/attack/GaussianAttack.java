package io.fedp2p.robustness.attack;

import java.util.List;

/**
 * {@code gaussian} (ALGORITHMS.md §6.3): send {@code θ_ref + N(μ, σ²I)}, σ = 1 on the update scale (byzfl's default;
 * blades uses μ = σ = 0.1). One Gaussian draw per coordinate from the context's generator.
 */
public final class GaussianAttack implements Attack {
    private final double sigma;
    private final double mean;

    public GaussianAttack(double sigma, double mean) {
        if (!(sigma >= 0) || Double.isInfinite(sigma))
            throw new IllegalArgumentException("gaussian: bad sigma " + sigma);
        if (!Double.isFinite(mean)) throw new IllegalArgumentException("gaussian: bad mean " + mean);
        this.sigma = sigma;
        this.mean = mean;
    }

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public Knowledge knowledge() {
        return Knowledge.OWN;
    }

    @Override
    public ForgedMessage forge(AttackContext ctx) {
        float[] noise = new float[ctx.dimension()];
        for (int e = 0; e < noise.length; e++)
            noise[e] = (float) (mean + sigma * ctx.rng().nextGaussian());
        return ForgedMessage.ofUpdate(ctx.reference(), noise, List.of());
    }
}
