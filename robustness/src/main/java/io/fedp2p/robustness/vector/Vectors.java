package io.fedp2p.robustness.vector;

import java.util.List;

/**
 * Dense kernels on {@code float[]} vectors. Inputs are never modified; results are new arrays. Sums accumulate in
 * {@code double} per chunk and are combined in chunk order ({@link Chunks}), so they do not depend on threading.
 */
public final class Vectors {
    private Vectors() {}

    /** Throws unless both vectors have the same length. */
    public static void requireSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimension mismatch: " + a.length + " vs " + b.length);
        }
    }

    /** {@code a·b}. */
    public static double dot(float[] a, float[] b) {
        requireSameLength(a, b);
        return Chunks.sum(a.length, (from, to) -> {
            double s = 0;
            for (int e = from; e < to; e++) s += (double) a[e] * b[e];
            return s;
        });
    }

    /** {@code ‖a‖²}; infinite or NaN exactly when some component is not finite. */
    public static double squaredNorm(float[] a) {
        return Chunks.sum(a.length, (from, to) -> {
            double s = 0;
            for (int e = from; e < to; e++) s += (double) a[e] * a[e];
            return s;
        });
    }

    /** {@code ‖a‖}. */
    public static double norm(float[] a) {
        return Math.sqrt(squaredNorm(a));
    }

    /** {@code ‖a − b‖²}, computed in double so that finite inputs never overflow. */
    public static double squaredDistance(float[] a, float[] b) {
        requireSameLength(a, b);
        return Chunks.sum(a.length, (from, to) -> {
            double s = 0;
            for (int e = from; e < to; e++) {
                double t = (double) a[e] - b[e];
                s += t * t;
            }
            return s;
        });
    }

    /** {@code ‖a − b‖}. */
    public static double distance(float[] a, float[] b) {
        return Math.sqrt(squaredDistance(a, b));
    }

    /** {@code ‖(a − b) − c‖}: the distance of the implied round-start model {@code a − b} from {@code c}. */
    public static double distanceOfDifference(float[] a, float[] b, float[] c) {
        requireSameLength(a, b);
        requireSameLength(a, c);
        return Math.sqrt(Chunks.sum(a.length, (from, to) -> {
            double s = 0;
            for (int e = from; e < to; e++) {
                double t = (double) a[e] - b[e] - c[e];
                s += t * t;
            }
            return s;
        }));
    }

    /** {@code ‖x_k − centre‖²} for every {@code x_k}, in one pass over {@code centre}. */
    public static double[] squaredDistances(float[] centre, List<float[]> xs) {
        int n = xs.size();
        for (float[] x : xs) requireSameLength(centre, x);
        return Chunks.sums(centre.length, n, (from, to, out) -> {
            for (int k = 0; k < n; k++) {
                float[] x = xs.get(k);
                double s = 0;
                for (int e = from; e < to; e++) {
                    double t = (double) x[e] - centre[e];
                    s += t * t;
                }
                out[k] += s;
            }
        });
    }

    /** Symmetric matrix of squared pairwise distances {@code ‖x_a − x_b‖²}; zero diagonal. */
    public static double[][] pairwiseSquaredDistances(List<float[]> xs) {
        int n = xs.size();
        int d = n == 0 ? 0 : xs.get(0).length;
        for (float[] x : xs) requireSameLength(xs.get(0), x);
        double[] flat = Chunks.sums(d, n * n, (from, to, out) -> {
            for (int a = 0; a < n; a++) {
                float[] xa = xs.get(a);
                for (int b = a + 1; b < n; b++) {
                    float[] xb = xs.get(b);
                    double s = 0;
                    for (int e = from; e < to; e++) {
                        double t = (double) xa[e] - xb[e];
                        s += t * t;
                    }
                    out[a * n + b] += s;
                }
            }
        });
        double[][] m = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                m[a][b] = flat[a * n + b];
                m[b][a] = flat[a * n + b];
            }
        }
        return m;
    }

    /**
     * {@code Σ_k w_k x_k}, accumulated per coordinate in double in the order of {@code xs}. Zero weights are skipped.
     */
    public static float[] weightedSum(List<float[]> xs, double[] w) {
        if (xs.isEmpty()) throw new IllegalArgumentException("weighted sum of no vectors");
        if (w.length != xs.size()) throw new IllegalArgumentException(w.length + " weights for " + xs.size());
        int d = xs.get(0).length;
        for (float[] x : xs) requireSameLength(xs.get(0), x);
        float[] out = new float[d];
        Chunks.forEach(d, (from, to) -> {
            double[] acc = new double[to - from];
            for (int k = 0; k < xs.size(); k++) {
                double wk = w[k];
                if (wk == 0) continue;
                float[] x = xs.get(k);
                for (int e = from; e < to; e++) acc[e - from] += wk * x[e];
            }
            for (int e = from; e < to; e++) out[e] = (float) acc[e - from];
        });
        return out;
    }

    /** The unweighted mean of {@code xs}. */
    public static float[] mean(List<float[]> xs) {
        double[] w = new double[xs.size()];
        java.util.Arrays.fill(w, 1.0 / xs.size());
        return weightedSum(xs, w);
    }

    /** {@code a − b}. */
    public static float[] subtract(float[] a, float[] b) {
        requireSameLength(a, b);
        float[] out = new float[a.length];
        Chunks.forEach(a.length, (from, to) -> {
            for (int e = from; e < to; e++) out[e] = a[e] - b[e];
        });
        return out;
    }

    /** {@code a + s·b}. */
    public static float[] addScaled(float[] a, double s, float[] b) {
        requireSameLength(a, b);
        float[] out = new float[a.length];
        Chunks.forEach(a.length, (from, to) -> {
            for (int e = from; e < to; e++) out[e] = (float) (a[e] + s * b[e]);
        });
        return out;
    }

    /** {@code s·a}. */
    public static float[] scale(float[] a, double s) {
        float[] out = new float[a.length];
        Chunks.forEach(a.length, (from, to) -> {
            for (int e = from; e < to; e++) out[e] = (float) (s * a[e]);
        });
        return out;
    }

    /** Cosine similarity with {@code eps} added to the product of norms (RFFL uses 1e-10, ALGORITHMS.md §4.1). */
    public static double cosine(float[] a, float[] b, double eps) {
        return dot(a, b) / (norm(a) * norm(b) + eps);
    }

    /** {@code CLIP(z, τ) = z · min(1, τ/‖z‖)}'s factor for a vector of norm {@code norm}; {@code CLIP(0) = 0}. */
    public static double clipFactor(double norm, double tau) {
        if (norm <= tau) return 1.0;
        return tau / norm;
    }
}
