package io.fedp2p.sim.scenario;

import io.fedp2p.node.train.TopicTasks;
import io.fedp2p.node.train.TrainSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * DFedSAM-MGS settings of every simulated node (ALGORITHMS.md §1.1, §9 defaults).
 *
 * @param localSteps K, or 0 for one local epoch over the node's shard
 * @param gossipSteps Q ≥ 1
 * @param rho SAM radius ρ (0 = SGD)
 * @param lr η₀
 * @param lrDecay per-round factor
 * @param batchSize minibatch size
 * @param momentum heavy-ball momentum (reset every round)
 * @param clipNorm global gradient-norm clip of every local step; 0 disables it
 * @param exchangeTimeout how long step 0 waits for neighbours
 * @param stepTimeout how long each later step waits
 */
public record LearningSettings(
        int localSteps,
        int gossipSteps,
        float rho,
        float lr,
        float lrDecay,
        int batchSize,
        float momentum,
        float clipNorm,
        Duration exchangeTimeout,
        Duration stepTimeout) {
    /** ALGORITHMS.md §9: one local epoch, Q = 4, ρ = 0.01, η₀ = 0.05 ×0.998 per round, batch 64, no momentum. */
    public static final LearningSettings DEFAULTS = new LearningSettings(
            0, 4, 0.01f, 0.05f, 0.998f, 64, 0f, 0f, Duration.ofSeconds(60), Duration.ofSeconds(10));

    /**
     * The {@code fortunes-topic} defaults: one local epoch per round as ALGORITHMS.md §9, Q = 4, ρ = 0.01, decay 0.998,
     * the task's decentralized optimiser ({@link TopicTasks#DECENTRALIZED_LR}, batch, momentum; measured in
     * BENCHMARKS.md "minilm decentralized") and the clip of {@code fedp2p train --task fortunes-topic} (1).
     */
    public static final LearningSettings TOPIC_DEFAULTS = new LearningSettings(
            0,
            4,
            0.01f,
            TopicTasks.DECENTRALIZED_LR,
            0.998f,
            TopicTasks.DECENTRALIZED_BATCH,
            TopicTasks.DECENTRALIZED_MOMENTUM,
            1f,
            Duration.ofSeconds(60),
            Duration.ofSeconds(10));

    public LearningSettings {
        Objects.requireNonNull(exchangeTimeout, "exchangeTimeout");
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        if (localSteps < 0) throw new IllegalArgumentException("local-steps must be >= 0 (0 = one local epoch)");
        if (gossipSteps < 1) throw new IllegalArgumentException("gossip-steps must be >= 1");
        if (exchangeTimeout.isZero()
                || exchangeTimeout.isNegative()
                || stepTimeout.isZero()
                || stepTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        // the optimiser's rules: constructing the settings checks them
        new TrainSettings(lr, lrDecay, Math.max(1, localSteps), batchSize, rho, momentum, clipNorm, false);
    }

    /** The trainer's settings for a node with {@code trainSize} samples (K from the shard for one local epoch). */
    public TrainSettings trainSettings(int trainSize) {
        int k = localSteps > 0 ? localSteps : Math.max(1, (trainSize + batchSize - 1) / batchSize);
        return new TrainSettings(lr, lrDecay, k, batchSize, rho, momentum, clipNorm, false);
    }
}
