package io.fedp2p.node.dashboard;

/**
 * Minimum, mean and maximum of one quantity over the nodes a round summarises (a single node: all three equal).
 *
 * @param count how many values were summarised (≥ 1)
 */
public record Stats(double min, double mean, double max, int count) {
    public Stats {
        if (!Double.isFinite(min) || !Double.isFinite(mean) || !Double.isFinite(max))
            throw new IllegalArgumentException("stats must be finite: " + min + ", " + mean + ", " + max);
        if (min > mean || mean > max) throw new IllegalArgumentException("need min <= mean <= max");
        if (count < 1) throw new IllegalArgumentException("count must be >= 1");
    }

    /** One value, or null when it is not finite (e.g. a loss that diverged). */
    public static Stats of(double value) {
        return Double.isFinite(value) ? new Stats(value, value, value, 1) : null;
    }

    /** Summary of the finite values among {@code values}, or null when there is none. */
    public static Stats over(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) continue;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            n++;
        }
        if (n == 0) return null;
        double mean = Math.min(max, Math.max(min, sum / n)); // rounding can put the mean a hair outside
        return new Stats(min, mean, max, n);
    }
}
