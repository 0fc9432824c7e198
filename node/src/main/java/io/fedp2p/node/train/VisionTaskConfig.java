package io.fedp2p.node.train;

import io.fedp2p.node.adapter.FedSbFactors;
import io.fedp2p.node.data.PartitionSpec;
import java.util.Objects;

/**
 * How a {@link VisionTask} is built.
 *
 * @param numNodes nodes the non-public pool is split into (1 for centralized training)
 * @param partition how it is split
 * @param seed the run seed: partition, frozen adapter matrices (per layer, ALGORITHMS.md §0.1)
 * @param publicSize images 0..publicSize−1 of the training file are public and never given to nodes
 * @param validationPool the last images of the training file reserved for the nodes' local validation slices (0 =
 *     none: validation slices are then drawn from the public split)
 * @param kappa validation samples per familiar class (Bristle's κ = 10, ALGORITHMS.md §2.3)
 * @param featureCache use the frozen-prefix feature cache (§7.5.4); false runs the whole network per batch
 * @param fedSbSamples samples of the non-public pool the task uses for the Fed-SB gradient when no agreed factors
 *     are given (LoRA-SB's default is 170)
 * @param fedSbFirstLr η₁ of ΔW₁ = −η₁·G (fedp2p design: η₀/100, ALGORITHMS.md §7.3)
 * @param fedSbFactors agreed LoRA-SB factors (from the network's leader), or null to compute them here
 */
// SPEC-GAP: ALGORITHMS.md §2.3 asks for κ = 10 local test samples per familiar class but not where they come from;
// with 1,000 nodes of ~50 images a node cannot spare them. fedp2p reserves the last `validationPool` training images
// (never partitioned) and each node draws κ per familiar class from them with its own RNG.
public record VisionTaskConfig(
        int numNodes,
        PartitionSpec partition,
        long seed,
        int publicSize,
        int validationPool,
        int kappa,
        boolean featureCache,
        int fedSbSamples,
        float fedSbFirstLr,
        FedSbFactors fedSbFactors) {
    public VisionTaskConfig {
        Objects.requireNonNull(partition, "partition");
        if (numNodes < 1) throw new IllegalArgumentException("numNodes must be >= 1");
        if (publicSize < 0) throw new IllegalArgumentException("publicSize must be >= 0");
        if (validationPool < 0 || kappa < 1) throw new IllegalArgumentException("bad validation settings");
        if (fedSbSamples < 1 || !(fedSbFirstLr > 0)) throw new IllegalArgumentException("bad Fed-SB settings");
    }

    /** n nodes, the given partition, EXPERIMENTS.md's public split of 10,000, a 1,000-image validation pool. */
    public static VisionTaskConfig of(int numNodes, PartitionSpec partition, long seed) {
        return new VisionTaskConfig(numNodes, partition, seed, 10_000, 1_000, 10, true, 170, 0.05f / 100, null);
    }

    /** Centralized training on all 50,000 non-public images (no validation pool). */
    public static VisionTaskConfig centralized(long seed) {
        return new VisionTaskConfig(1, new PartitionSpec.Iid(), seed, 10_000, 0, 10, true, 170, 0.05f / 100, null);
    }

    public VisionTaskConfig withFeatureCache(boolean on) {
        return new VisionTaskConfig(
                numNodes,
                partition,
                seed,
                publicSize,
                validationPool,
                kappa,
                on,
                fedSbSamples,
                fedSbFirstLr,
                fedSbFactors);
    }

    public VisionTaskConfig withPublicSize(int size) {
        return new VisionTaskConfig(
                numNodes,
                partition,
                seed,
                size,
                validationPool,
                kappa,
                featureCache,
                fedSbSamples,
                fedSbFirstLr,
                fedSbFactors);
    }

    public VisionTaskConfig withFedSbFactors(FedSbFactors f) {
        return new VisionTaskConfig(
                numNodes,
                partition,
                seed,
                publicSize,
                validationPool,
                kappa,
                featureCache,
                fedSbSamples,
                fedSbFirstLr,
                f);
    }
}
