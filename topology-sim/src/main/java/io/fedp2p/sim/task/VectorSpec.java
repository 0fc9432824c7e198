package io.fedp2p.sim.task;

/**
 * The synthetic problem of the {@code vector} task: {@code classes} Gaussian clusters in {@code features} dimensions
 * with unit noise, learnt by softmax regression (θ = bias and weight of a linear head, {@code classes·(features+1)}
 * floats).
 *
 * @param features d ≥ 1
 * @param classes C ≥ 2
 * @param separation expected Euclidean distance between two class means, in noise standard deviations (&gt; 0):
 *     larger is easier
 * @param samplesPerNode training samples per node on average (the pool holds {@code n·samplesPerNode})
 * @param testSamples size of the test table
 * @param validationPool samples reserved for the nodes' κ-per-class validation slices
 * @param kappa validation samples per familiar class (Bristle's κ = 10, ALGORITHMS.md §2.3)
 */
public record VectorSpec(
        int features,
        int classes,
        double separation,
        int samplesPerNode,
        int testSamples,
        int validationPool,
        int kappa) {
    /** 32 features, 10 classes, separation 4, 50 samples per node, 2,000 test samples, 1,000 validation, κ = 10. */
    public static final VectorSpec DEFAULTS = new VectorSpec(32, 10, 4.0, 50, 2000, 1000, 10);

    public VectorSpec {
        if (features < 1) throw new IllegalArgumentException("vector.features must be >= 1, got " + features);
        if (classes < 2) throw new IllegalArgumentException("vector.classes must be >= 2, got " + classes);
        if (!(separation > 0) || !Double.isFinite(separation)) {
            throw new IllegalArgumentException("vector.separation must be > 0, got " + separation);
        }
        if (samplesPerNode < 1) throw new IllegalArgumentException("vector.samplesPerNode must be >= 1");
        if (testSamples < 1) throw new IllegalArgumentException("vector.testSamples must be >= 1");
        if (validationPool < classes) {
            throw new IllegalArgumentException("vector.validationPool must be >= classes (" + classes + ")");
        }
        if (kappa < 1) throw new IllegalArgumentException("vector.kappa must be >= 1");
    }

    /** Length of θ. */
    public int dimension() {
        return classes * (features + 1);
    }
}
