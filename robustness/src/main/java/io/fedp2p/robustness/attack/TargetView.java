package io.fedp2p.robustness.attack;

import java.util.List;
import java.util.Objects;

/**
 * Target-omniscient knowledge (simulation only, ALGORITHMS.md §6): the target's model x_t, its honest neighbours'
 * models with the weights W[t][j] the target gives them, and the total weight Σ_{k Byzantine} W[t][k] it gives
 * Byzantine neighbours. When the target's rule has no W (median, trimmed mean, ...), the simulator passes
 * 1/(deg_t + 1) for every weight (§6.7). Vectors are borrowed.
 */
public final class TargetView {
    private final float[] target;
    private final List<float[]> honestNeighbours;
    private final double[] honestWeights;
    private final double byzantineWeight;

    public TargetView(float[] target, List<float[]> honestNeighbours, double[] honestWeights, double byzantineWeight) {
        this.target = Objects.requireNonNull(target, "target");
        this.honestNeighbours = List.copyOf(honestNeighbours);
        if (honestWeights.length != honestNeighbours.size()) {
            throw new IllegalArgumentException(honestWeights.length + " weights for " + honestNeighbours.size());
        }
        this.honestWeights = honestWeights.clone();
        if (!(byzantineWeight > 0)) throw new IllegalArgumentException("Byzantine weight at the target must be > 0");
        this.byzantineWeight = byzantineWeight;
    }

    /** x_t. */
    public float[] target() {
        return target;
    }

    public List<float[]> honestNeighbours() {
        return honestNeighbours;
    }

    public double[] honestWeights() {
        return honestWeights.clone();
    }

    public double byzantineWeight() {
        return byzantineWeight;
    }
}
