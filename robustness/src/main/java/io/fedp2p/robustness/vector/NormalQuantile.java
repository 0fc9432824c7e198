package io.fedp2p.robustness.vector;

/**
 * The standard normal CDF Φ and its inverse Φ⁻¹, accurate to about 1e-12 on the range ALIE needs (ALGORITHMS.md
 * §6.4). Φ comes from erf's Maclaurin series for small arguments and a Lentz continued fraction for erfc in the tails;
 * Φ⁻¹ refines a bracketing bisection with Newton steps.
 */
public final class NormalQuantile {
    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private NormalQuantile() {}

    /** Φ(x). */
    public static double cdf(double x) {
        double t = Math.abs(x) / SQRT2;
        double tail = 0.5 * erfc(t); // P(Z > |x|)
        return x >= 0 ? 1.0 - tail : tail;
    }

    /** Φ⁻¹(p) for {@code 0 < p < 1}. */
    public static double inverse(double p) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("Φ⁻¹ needs 0 < p < 1, got " + p);
        double lo = -40, hi = 40;
        double x = 0;
        for (int i = 0; i < 200 && hi - lo > 1e-3; i++) {
            x = (lo + hi) / 2;
            if (cdf(x) < p) lo = x;
            else hi = x;
        }
        x = (lo + hi) / 2;
        for (int i = 0; i < 50; i++) {
            double pdf = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
            double step = (cdf(x) - p) / pdf;
            x -= step;
            if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(x))) break;
        }
        return x;
    }

    /** erfc(t) for t ≥ 0. */
    static double erfc(double t) {
        if (t < 2.5) return 1.0 - erfSeries(t);
        return erfcContinuedFraction(t);
    }

    private static double erfSeries(double t) {
        // erf(t) = 2/√π Σ (−1)^n t^(2n+1) / (n! (2n+1))
        double term = t;
        double sum = t;
        double t2 = t * t;
        for (int n = 1; n < 200; n++) {
            term *= -t2 / n;
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
        }
        return 2.0 / SQRT_PI * sum;
    }

    private static double erfcContinuedFraction(double t) {
        // erfc(t) = exp(−t²)/√π · 1/(t + (1/2)/(t + 1/(t + (3/2)/(t + 2/(t + ...))))), modified Lentz
        double tiny = 1e-300;
        double f = t;
        double c = t;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            double a = k / 2.0;
            d = t + a * d;
            if (d == 0) d = tiny;
            c = t + a / c;
            if (c == 0) c = tiny;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) break;
        }
        return Math.exp(-t * t) / SQRT_PI / f;
    }
}
