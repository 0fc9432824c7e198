package io.fedp2p.sim.task;

import io.fedp2p.node.train.Evaluation;

/**
 * Softmax regression on the {@code vector} task's features: θ = [bias (C) | weight (C×d, row-major)], the canonical
 * order of the parameter names {@code head.bias < head.weight}. Sums run in double in a fixed order (four interleaved
 * partial sums per dot product, added in a fixed order), so results do not depend on the thread that computes them.
 * Stateless.
 */
final class Softmax {
    private Softmax() {}

    /** z = b + W·x of one row of {@code x}, written into {@code z} (length C). */
    static void logits(float[] theta, int classes, int d, float[] x, int row, double[] z) {
        int base = row * d;
        int d4 = d & ~3;
        for (int c = 0; c < classes; c++) {
            int w = classes + c * d;
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            int k = 0;
            for (; k < d4; k += 4) {
                a0 += (double) theta[w + k] * x[base + k];
                a1 += (double) theta[w + k + 1] * x[base + k + 1];
                a2 += (double) theta[w + k + 2] * x[base + k + 2];
                a3 += (double) theta[w + k + 3] * x[base + k + 3];
            }
            for (; k < d; k++) a0 += (double) theta[w + k] * x[base + k];
            z[c] = theta[c] + ((a0 + a1) + (a2 + a3));
        }
    }

    /** log Σ_c exp(z_c), stably. */
    private static double logSumExp(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double sum = 0;
        for (double v : z) sum += Math.exp(v - max);
        return max + Math.log(sum);
    }

    /**
     * Mean cross-entropy over the rows {@code idx} with labels {@code y}, and its gradient into {@code grad}.
     *
     * @return the mean loss
     */
    static float lossAndGradient(float[] theta, int classes, int d, float[] x, int[] idx, int[] y, float[] grad) {
        double[] g = new double[theta.length];
        double[] z = new double[classes];
        double loss = 0;
        for (int s = 0; s < idx.length; s++) {
            logits(theta, classes, d, x, idx[s], z);
            double lse = logSumExp(z);
            loss += lse - z[y[s]];
            int base = idx[s] * d;
            for (int c = 0; c < classes; c++) {
                double p = Math.exp(z[c] - lse) - (c == y[s] ? 1 : 0);
                g[c] += p;
                int w = classes + c * d;
                for (int k = 0; k < d; k++) g[w + k] += p * x[base + k];
            }
        }
        for (int i = 0; i < g.length; i++) grad[i] = (float) (g[i] / idx.length);
        return (float) (loss / idx.length);
    }

    /** Accuracy, confusion counts and mean loss of θ on the rows {@code idx} (labels from {@code labels}). */
    static Evaluation evaluate(float[] theta, int classes, int d, float[] x, int[] labels, int[] idx) {
        long[][] confusion = new long[classes][classes];
        double[] z = new double[classes];
        double loss = 0;
        for (int row : idx) {
            logits(theta, classes, d, x, row, z);
            int best = 0;
            for (int c = 1; c < classes; c++) if (z[c] > z[best]) best = c;
            loss += logSumExp(z) - z[labels[row]];
            confusion[labels[row]][best]++;
        }
        return new Evaluation(confusion, idx.length == 0 ? Double.NaN : loss / idx.length);
    }
}
