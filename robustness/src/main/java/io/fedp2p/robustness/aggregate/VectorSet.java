package io.fedp2p.robustness.aggregate;

import java.util.Arrays;
import java.util.List;

/**
 * The vectors an aggregation rule combines, with non-negative weights normalised to sum 1 and optionally the index of
 * the node's own vector. Vectors are borrowed (not copied), must all have one length, and are assumed finite: callers
 * validate peer input first. Vectors are addressed by index; results list them in the same order.
 */
public final class VectorSet {
    private final List<float[]> vectors;
    private final double[] weights;
    private final int ownIndex;

    private VectorSet(List<float[]> vectors, double[] weights, int ownIndex) {
        this.vectors = vectors;
        this.weights = weights;
        this.ownIndex = ownIndex;
    }

    /**
     * Vectors with weights (all ≥ 0 and finite, sum > 0; normalised here unless they already sum to 1 within 1e-9) and
     * the own index, or −1 when there is none.
     */
    public static VectorSet of(List<float[]> vectors, double[] weights, int ownIndex) {
        List<float[]> vs = List.copyOf(vectors);
        if (vs.isEmpty()) throw new IllegalArgumentException("no vectors to aggregate");
        int d = vs.get(0).length;
        if (d == 0) throw new IllegalArgumentException("vectors are empty");
        for (int k = 0; k < vs.size(); k++) {
            if (vs.get(k).length != d) {
                throw new IllegalArgumentException(
                        "vector " + k + " has " + vs.get(k).length + " values, vector 0 has " + d);
            }
        }
        if (weights.length != vs.size()) {
            throw new IllegalArgumentException(weights.length + " weights for " + vs.size() + " vectors");
        }
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] >= 0) || Double.isInfinite(weights[k])) {
                throw new IllegalArgumentException("weight " + k + " must be finite and >= 0, got " + weights[k]);
            }
            sum += weights[k];
        }
        if (!(sum > 0)) throw new IllegalArgumentException("weights sum to 0");
        // a row of W that already sums to 1 (up to rounding) is used as given, so that plain W mixing is bit-identical
        // with the pipeline's mix of the same row
        double scale = Math.abs(sum - 1) <= 1e-9 ? 1 : sum;
        double[] w = new double[weights.length];
        for (int k = 0; k < w.length; k++) w[k] = weights[k] / scale;
        if (ownIndex < -1 || ownIndex >= vs.size()) {
            throw new IllegalArgumentException("own index " + ownIndex + " outside 0.." + (vs.size() - 1));
        }
        return new VectorSet(vs, w, ownIndex);
    }

    /** Equal weights. */
    public static VectorSet uniform(List<float[]> vectors, int ownIndex) {
        double[] w = new double[vectors.size()];
        Arrays.fill(w, 1.0);
        return of(vectors, w, ownIndex);
    }

    /** m, the number of vectors. */
    public int size() {
        return vectors.size();
    }

    public int dimension() {
        return vectors.get(0).length;
    }

    /** Vector k (borrowed). */
    public float[] vector(int k) {
        return vectors.get(k);
    }

    public List<float[]> vectors() {
        return vectors;
    }

    /** Normalised weight of vector k. */
    public double weight(int k) {
        return weights[k];
    }

    public double[] weights() {
        return weights.clone();
    }

    public boolean hasOwn() {
        return ownIndex >= 0;
    }

    /** Index of the own vector; throws when there is none. */
    public int ownIndex() {
        if (ownIndex < 0) throw new IllegalStateException("no own vector in this set");
        return ownIndex;
    }

    /** The own vector; throws when there is none. */
    public float[] own() {
        return vectors.get(ownIndex());
    }

    /** Throws naming the rule unless the set has an own vector. */
    public void requireOwn(String rule) {
        if (ownIndex < 0) throw new IllegalArgumentException(rule + " needs the node's own vector (own index)");
    }

    @Override
    public String toString() {
        return "VectorSet[m=" + size() + ", d=" + dimension() + ", own=" + ownIndex + "]";
    }
}
