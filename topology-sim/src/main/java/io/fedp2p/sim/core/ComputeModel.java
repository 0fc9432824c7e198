package io.fedp2p.sim.core;

import io.fedp2p.sim.scenario.ComputeSettings;
import java.util.random.RandomGenerator;

/**
 * Virtual training time (ComputeSettings): {@code K · stepTime · (2 with SAM) · speed_i · (slowdown when straggling)}.
 * Speeds are drawn once per node from {@code rng}; whether node i straggles in round t is a keyed draw, independent of
 * event order. Immutable after construction.
 */
final class ComputeModel {
    private final ComputeSettings settings;
    private final double[] speed;
    private final long stragglerSeed;

    ComputeModel(ComputeSettings settings, int nodes, RandomGenerator rng) {
        this.settings = settings;
        this.speed = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            speed[i] = settings.heterogeneity() == 0 ? 1 : Math.exp(settings.heterogeneity() * rng.nextGaussian());
        }
        this.stragglerSeed = rng.nextLong();
    }

    /** Virtual nanoseconds node {@code node} needs for {@code steps} local steps of round {@code round}. */
    long trainNanos(int node, long round, int steps, boolean sam) {
        double t = settings.stepTime().toNanos() * (double) steps * (sam ? 2 : 1) * speed[node];
        if (straggles(node, round)) t *= settings.stragglerSlowdown();
        return Math.max(0, Math.round(t));
    }

    boolean straggles(int node, long round) {
        return settings.stragglerFraction() > 0
                && Mix.uniform(stragglerSeed, node, round) < settings.stragglerFraction();
    }
}
