package io.fedp2p.sim.task;

import java.util.random.RandomGenerator;

/**
 * The samples of the {@code vector} task, generated once per run: class means μ_c with i.i.d. N(0, s²) coordinates,
 * {@code s = separation/√(2d)} (so two means are {@code separation} apart on average), and samples {@code x = μ_y +
 * N(0, I)} with balanced labels. Two tables: training (the nodes' pool followed by the validation pool) and test.
 * Read-only after construction; row-major {@code float} features.
 */
final class VectorData {
    final int features;
    final int classes;
    final float[] trainX;
    final int[] trainY;
    final float[] testX;
    final int[] testY;

    private VectorData(int features, int classes, float[] trainX, int[] trainY, float[] testX, int[] testY) {
        this.features = features;
        this.classes = classes;
        this.trainX = trainX;
        this.trainY = trainY;
        this.testX = testX;
        this.testY = testY;
    }

    /** {@code trainSize} training samples (pool and validation pool) and the spec's test samples. */
    static VectorData generate(VectorSpec spec, int trainSize, RandomGenerator rng) {
        int d = spec.features();
        int c = spec.classes();
        double s = spec.separation() / Math.sqrt(2.0 * d);
        double[] means = new double[c * d];
        for (int i = 0; i < means.length; i++) means[i] = s * rng.nextGaussian();
        int[] trainY = labels(trainSize, c, rng);
        int[] testY = labels(spec.testSamples(), c, rng);
        return new VectorData(d, c, samples(means, trainY, d, rng), trainY, samples(means, testY, d, rng), testY);
    }

    /** Balanced labels in a random order: each class appears ⌊n/C⌋ or ⌈n/C⌉ times. */
    private static int[] labels(int n, int classes, RandomGenerator rng) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = i % classes;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
        return y;
    }

    private static float[] samples(double[] means, int[] y, int d, RandomGenerator rng) {
        float[] x = new float[y.length * d];
        for (int i = 0; i < y.length; i++) {
            for (int k = 0; k < d; k++) x[i * d + k] = (float) (means[y[i] * d + k] + rng.nextGaussian());
        }
        return x;
    }

    float[] x(boolean test) {
        return test ? testX : trainX;
    }

    int[] y(boolean test) {
        return test ? testY : trainY;
    }
}
