package io.fedp2p.robustness;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/** Small builders for test vectors. */
public final class TestVectors {
    private TestVectors() {}

    /** One 1-D vector per value. */
    public static List<float[]> scalars(double... xs) {
        List<float[]> out = new ArrayList<>();
        for (double x : xs) out.add(new float[] {(float) x});
        return out;
    }

    public static float[] vec(double... xs) {
        float[] v = new float[xs.length];
        for (int i = 0; i < xs.length; i++) v[i] = (float) xs[i];
        return v;
    }

    public static RandomGenerator rng(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /** A Gaussian vector N(mean, sigma²) of dimension d. */
    public static float[] gaussian(RandomGenerator rng, int d, double mean, double sigma) {
        float[] v = new float[d];
        for (int e = 0; e < d; e++) v[e] = (float) (mean + sigma * rng.nextGaussian());
        return v;
    }

    /** {@code m} vectors around {@code centre} with noise sigma. */
    public static List<float[]> around(RandomGenerator rng, float[] centre, int m, double sigma) {
        List<float[]> out = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            float[] v = new float[centre.length];
            for (int e = 0; e < v.length; e++) v[e] = (float) (centre[e] + sigma * rng.nextGaussian());
            out.add(v);
        }
        return out;
    }
}
