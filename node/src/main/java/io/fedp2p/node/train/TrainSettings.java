package io.fedp2p.node.train;

/**
 * Local-training settings that stay fixed over a run; {@link #plan(long)} turns them into one round's
 * {@link RoundPlan} with {@code η_t = η₀·decay^t} (ALGORITHMS.md §1.6 #6: decay once per round).
 *
 * @param learningRate η₀ &gt; 0
 * @param decay per-round factor in (0, 1]
 * @param localSteps K ≥ 1
 * @param batchSize ≥ 1
 * @param rho SAM radius ≥ 0
 * @param momentum in [0, 1)
 * @param clipNorm 0 = off
 * @param carryMomentum keep velocity across rounds (default off, §1.6 #4)
 */
public record TrainSettings(
        float learningRate,
        float decay,
        int localSteps,
        int batchSize,
        float rho,
        float momentum,
        float clipNorm,
        boolean carryMomentum) {
    /**
     * ALGORITHMS.md §9 defaults for DFedSAM: η₀ = 0.05, decay 0.998, ρ = 0.01, no momentum; K = 10 steps of 64 (the
     * engine sets K from the shard size for "one local epoch").
     */
    public static final TrainSettings DFEDSAM_DEFAULTS = new TrainSettings(0.05f, 0.998f, 10, 64, 0.01f, 0f, 0f, false);

    /** EXPERIMENTS.md centralized setting: SGD, momentum 0.9, lr 0.05, batch 64, no SAM. */
    public static final TrainSettings CENTRALIZED = new TrainSettings(0.05f, 1f, 1, 64, 0f, 0.9f, 0f, true);

    public TrainSettings {
        if (!(decay > 0 && decay <= 1)) throw new IllegalArgumentException("decay must be in (0,1], got " + decay);
        // the shared fields follow RoundPlan's rules: construct one to check them
        new RoundPlan(0, localSteps, batchSize, learningRate, rho, momentum, clipNorm, carryMomentum);
    }

    /** The plan of round t. */
    public RoundPlan plan(long round) {
        float lr = (float) (learningRate * Math.pow(decay, round));
        return new RoundPlan(round, localSteps, batchSize, lr, rho, momentum, clipNorm, carryMomentum);
    }
}
