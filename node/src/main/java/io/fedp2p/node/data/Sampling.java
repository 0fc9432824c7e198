package io.fedp2p.node.data;

import java.util.random.RandomGenerator;

/** Seeded sampling primitives: Fisher–Yates shuffles, Gamma and Dirichlet draws, and integer size splits. */
public final class Sampling {
    private Sampling() {}

    /** In-place Fisher–Yates shuffle. */
    public static void shuffle(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000); shape &lt; 1 through the boost {@code G(a+1)·U^{1/a}}. */
    public static double gamma(double shape, RandomGenerator rng) {
        if (shape < 1) {
            double u = rng.nextDouble();
            return gamma(shape + 1, rng) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
        }
    }

    /** A draw from the symmetric Dirichlet(α·1) on n components. */
    public static double[] dirichlet(int n, double alpha, RandomGenerator rng) {
        double[] g = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            g[i] = gamma(alpha, rng);
            sum += g[i];
        }
        if (!(sum > 0)) {
            // every component underflowed (tiny α): put all mass on one random component
            g[rng.nextInt(n)] = 1;
            sum = 1;
        }
        for (int i = 0; i < n; i++) g[i] /= sum;
        return g;
    }

    /** Sizes of n nearly equal parts of {@code total} (the first {@code total % n} get one more). */
    public static int[] evenSizes(int total, int n) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) s[i] = total / n + (i < total % n ? 1 : 0);
        return s;
    }

    /** Integer sizes summing to {@code total}, proportional to {@code props} (largest remainders, ties by index). */
    public static int[] sizesFromProportions(int total, double[] props) {
        int n = props.length;
        int[] s = new int[n];
        double[] rem = new double[n];
        int assigned = 0;
        for (int i = 0; i < n; i++) {
            double exact = props[i] * total;
            s[i] = (int) Math.floor(exact);
            rem[i] = exact - s[i];
            assigned += s[i];
        }
        while (assigned < total) {
            int best = 0;
            for (int i = 1; i < n; i++) if (rem[i] > rem[best]) best = i;
            s[best]++;
            rem[best] = -1;
            assigned++;
        }
        return s;
    }
}
