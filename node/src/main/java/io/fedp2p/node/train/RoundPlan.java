package io.fedp2p.node.train;

/**
 * The settings of one local-training call (ALGORITHMS.md §1.1): K local SAM steps at this round's learning rate.
 *
 * @param round round index t ≥ 0 (for logs and errors; the rate is already {@code η₀·decay^t})
 * @param localSteps K ≥ 1 minibatch steps
 * @param batchSize minibatch size ≥ 1 (a node with fewer samples uses all of them)
 * @param learningRate η_t &gt; 0
 * @param rho SAM radius ρ ≥ 0; 0 is plain SGD and skips the second pass (bit-exact, §1.3)
 * @param momentum heavy-ball momentum μ in [0, 1)
 * @param clipNorm global gradient-norm clip; 0 disables clipping
 * @param carryMomentum keep the velocity from the previous call instead of resetting it (§1.6 #4: reset is the
 *     default)
 */
public record RoundPlan(
        long round,
        int localSteps,
        int batchSize,
        float learningRate,
        float rho,
        float momentum,
        float clipNorm,
        boolean carryMomentum) {
    public RoundPlan {
        if (round < 0) throw new IllegalArgumentException("round must be >= 0, got " + round);
        if (localSteps < 1) throw new IllegalArgumentException("localSteps must be >= 1, got " + localSteps);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        if (!(rho >= 0) || !Float.isFinite(rho)) throw new IllegalArgumentException("rho must be >= 0, got " + rho);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0,1)");
        if (!(clipNorm >= 0) || !Float.isFinite(clipNorm)) throw new IllegalArgumentException("clipNorm must be >= 0");
    }

    /** Plain SGD (ρ = 0, no momentum, no clipping) for K steps. */
    public static RoundPlan sgd(long round, int localSteps, int batchSize, float learningRate) {
        return new RoundPlan(round, localSteps, batchSize, learningRate, 0f, 0f, 0f, false);
    }

    public RoundPlan withRho(float r) {
        return new RoundPlan(round, localSteps, batchSize, learningRate, r, momentum, clipNorm, carryMomentum);
    }

    public RoundPlan withMomentum(float m) {
        return new RoundPlan(round, localSteps, batchSize, learningRate, rho, m, clipNorm, carryMomentum);
    }

    public RoundPlan withClipNorm(float c) {
        return new RoundPlan(round, localSteps, batchSize, learningRate, rho, momentum, c, carryMomentum);
    }

    public RoundPlan withCarry(boolean carry) {
        return new RoundPlan(round, localSteps, batchSize, learningRate, rho, momentum, clipNorm, carry);
    }

    public RoundPlan withLocalSteps(int k) {
        return new RoundPlan(round, k, batchSize, learningRate, rho, momentum, clipNorm, carryMomentum);
    }
}
