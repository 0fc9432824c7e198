package io.fedp2p.sim.topology;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The extreme eigenvalues of {@code L = I − W} on the subspace orthogonal to the constant vector, by the Lanczos
 * process without reorthogonalisation (Paige; Cullum–Willoughby). The constant vector is W's eigenvector for 1, so it
 * is projected out of every Lanczos vector; what remains are {@code μ₂ = 1 − λ₂(W)} (smallest) and
 * {@code μ_n = 1 − λ_n(W)} (largest).
 *
 * <p>Only the tridiagonal matrix T and three vectors are kept, so memory is O(n) and each step costs one sparse
 * product. Without reorthogonalisation T acquires duplicate ("ghost") copies of converged eigenvalues, which is
 * harmless here: the extreme Ritz values still converge to the extreme eigenvalues, and a ring of 10,000 nodes
 * (gap about 1e-7, eigenvalues clustered) needs several thousand steps, which full reorthogonalisation could not
 * afford. Convergence is judged by the Ritz residual {@code |β_m·s_m|} and, where the next Ritz value is farther
 * away than that, by the sharper {@code r²/δ} bound.
 *
 * <p>Deterministic: the start vector comes from the given generator and every sum runs in index order.
 */
final class LanczosSpectrum {
    /** Result: the two extreme eigenvalues of L on the deflated space and how they were reached. */
    record Extremes(double smallest, double largest, int iterations, double errorBound, boolean converged) {}

    private final MetropolisMatrix w;
    private final double tolerance;
    private final int maxIterations;

    LanczosSpectrum(MetropolisMatrix w, double tolerance, int maxIterations) {
        if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        this.w = w;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    Extremes run(RandomGenerator rng) {
        int n = w.size();
        if (n < 2) throw new IllegalArgumentException("the deflated space of a " + n + "-vertex graph is empty");
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
        deflate(v);
        scale(v, 1.0 / norm(v));
        double[] vPrev = new double[n];
        double[] next = new double[n];
        double[] alpha = new double[64];
        double[] beta = new double[64];
        double betaPrev = 0.0;
        int nextCheck = 8;
        Extremes last = null;
        for (int j = 0; j < maxIterations; j++) {
            w.multiplyLaplacian(v, next);
            double aj = dot(v, next);
            for (int i = 0; i < n; i++) next[i] -= aj * v[i] + betaPrev * vPrev[i];
            deflate(next);
            double bj = norm(next);
            if (j == alpha.length) {
                alpha = Arrays.copyOf(alpha, 2 * j);
                beta = Arrays.copyOf(beta, 2 * j);
            }
            alpha[j] = aj;
            beta[j] = bj;
            boolean invariant = bj <= 1e-13 || j + 1 >= n - 1 && bj <= 1e-9;
            if (invariant || j + 1 == nextCheck || j + 1 == maxIterations) {
                last = estimate(alpha, beta, j + 1, invariant);
                if (last.converged()) return last;
                nextCheck = j + 1 + Math.max(8, (j + 1) / 8);
            }
            double[] t = vPrev;
            vPrev = v;
            v = next;
            next = t;
            scale(v, 1.0 / bj);
            betaPrev = bj;
        }
        return last;
    }

    // Ritz values at both ends of T_m and their error bounds; an exhausted Krylov space makes them exact.
    private Extremes estimate(double[] alpha, double[] beta, int m, boolean invariant) {
        SymmetricTridiagonal t = new SymmetricTridiagonal(alpha, beta, m);
        double low = t.eigenvalue(0);
        double high = t.eigenvalue(m - 1);
        if (invariant) return new Extremes(low, high, m, 0.0, true);
        double errLow = bound(t, low, m > 1 ? t.eigenvalue(1) - low : Double.POSITIVE_INFINITY, beta[m - 1]);
        double errHigh = bound(t, high, m > 1 ? high - t.eigenvalue(m - 2) : Double.POSITIVE_INFINITY, beta[m - 1]);
        double err = Math.max(errLow, errHigh);
        return new Extremes(low, high, m, err, err <= tolerance);
    }

    private static double bound(SymmetricTridiagonal t, double theta, double ritzGap, double betaM) {
        double residual = Math.abs(betaM * t.lastEigenvectorComponent(theta));
        if (!Double.isFinite(residual)) return Double.MAX_VALUE; // no usable bound yet: not converged
        return ritzGap > residual ? Math.min(residual, residual * residual / ritzGap) : residual;
    }

    private static void deflate(double[] x) {
        double sum = 0.0;
        for (double v : x) sum += v;
        double mean = sum / x.length;
        for (int i = 0; i < x.length; i++) x[i] -= mean;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }

    private static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    private static void scale(double[] x, double factor) {
        for (int i = 0; i < x.length; i++) x[i] *= factor;
    }
}
