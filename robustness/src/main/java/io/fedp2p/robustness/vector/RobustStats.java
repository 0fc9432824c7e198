package io.fedp2p.robustness.vector;

import java.util.Arrays;

/** Small-sample robust statistics on {@code double[]} (per-candidate scores, never per-coordinate data). */
public final class RobustStats {
    /** The consistency constant that turns a MAD into a standard-deviation estimate under normality. */
    public static final double MAD_TO_SIGMA = 1.4826;

    private RobustStats() {}

    /** Median; for an even count the mean of the two middle values. Throws on an empty input. */
    public static double median(double[] xs) {
        if (xs.length == 0) throw new IllegalArgumentException("median of no values");
        double[] s = xs.clone();
        Arrays.sort(s);
        int m = s.length;
        return (m % 2 == 1) ? s[m / 2] : (s[m / 2 - 1] + s[m / 2]) / 2.0;
    }

    /** Median absolute deviation from the median (unscaled). */
    public static double mad(double[] xs) {
        double med = median(xs);
        double[] dev = new double[xs.length];
        for (int i = 0; i < xs.length; i++) dev[i] = Math.abs(xs[i] - med);
        return median(dev);
    }

    /** Rounds half to even, like Kotlin's {@code roundToInt} on the values Bristle uses (ALGORITHMS.md §2.2). */
    public static int roundHalfEven(double x) {
        return (int) Math.rint(x);
    }

    /** Population standard deviation (divisor m). */
    public static double populationStd(double[] xs) {
        double mean = 0;
        for (double x : xs) mean += x;
        mean /= xs.length;
        double s = 0;
        for (double x : xs) s += (x - mean) * (x - mean);
        return Math.sqrt(s / xs.length);
    }
}
