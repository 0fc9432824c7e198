package io.fedp2p.sim.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * How long local training takes in virtual time (the simulator's real CPU time does not count): each local step
 * takes {@code stepTime} (twice that with SAM, which makes two passes), times the node's speed factor
 * {@code exp(heterogeneity·N(0,1))} drawn once per node, times {@code stragglerSlowdown} in the rounds where the node
 * straggles (each round independently with probability {@code stragglerFraction}).
 */
public record ComputeSettings(
        Duration stepTime, double heterogeneity, double stragglerFraction, double stragglerSlowdown) {
    /** 50 ms per step (EXPERIMENTS.md's cnn step on 2 threads), identical nodes, no stragglers. */
    public static final ComputeSettings DEFAULTS = new ComputeSettings(Duration.ofMillis(50), 0, 0, 1);

    public ComputeSettings {
        Objects.requireNonNull(stepTime, "stepTime");
        if (stepTime.isNegative()) throw new IllegalArgumentException("compute.step-time must be >= 0");
        if (!(heterogeneity >= 0 && heterogeneity <= 5)) {
            throw new IllegalArgumentException("compute.heterogeneity must be in [0, 5]");
        }
        if (!(stragglerFraction >= 0 && stragglerFraction <= 1)) {
            throw new IllegalArgumentException("compute.stragglers.fraction must be in [0, 1]");
        }
        if (!(stragglerSlowdown >= 1) || !Double.isFinite(stragglerSlowdown)) {
            throw new IllegalArgumentException("compute.stragglers.slowdown must be >= 1");
        }
    }
}
