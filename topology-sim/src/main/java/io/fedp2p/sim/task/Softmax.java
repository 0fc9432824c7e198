package io.fedp2p.sim.task;

import io.fedp2p.node.train.Evaluation;

/**
 * Softmax regression on the {@code vector} task's features: θ = [bias (C) | weight (C×d, row-major)], the canonical
 * order of the parameter names {@code head.bias < head.weight}. Sums run in double in a fixed order, so results do not
 * depend on the thread that computes them. Stateless.
 */
final class Softmax {
    private Softmax() {}

    /** z = b + W·x of one row of {@code x}, written into {@code z} (length C). */
    static void logits(float[] theta, int classes, int d, float[] x, int row, double[] z) {
        int base = row * d;
        for (int c = 0; c < classes; c++) {
            double acc = theta[c];
            int w = classes + c * d;
            for (int k = 0; k < d; k++) acc += (double) theta[w + k] * x[base + k];
            z[c] = acc;
        }
    }

    /** Turns logits into probabilities in place and returns log Σ exp(z) (for the loss). */
    private static double softmaxInPlace(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) z[c] /= sum;
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
            double picked = z[y[s]];
            loss += softmaxInPlace(z) - picked;
            z[y[s]] -= 1;
            int base = idx[s] * d;
            for (int c = 0; c < classes; c++) {
                g[c] += z[c];
                int w = classes + c * d;
                for (int k = 0; k < d; k++) g[w + k] += z[c] * x[base + k];
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
            double picked = z[labels[row]];
            loss += softmaxInPlace(z) - picked;
            confusion[labels[row]][best]++;
        }
        return new Evaluation(confusion, idx.length == 0 ? Double.NaN : loss / idx.length);
    }
}
