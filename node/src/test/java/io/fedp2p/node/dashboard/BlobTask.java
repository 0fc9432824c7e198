package io.fedp2p.node.dashboard;

import io.fedp2p.gossip.clock.Clock;
import io.fedp2p.node.engine.LocalCompute;
import java.util.SplittableRandom;

/**
 * A small real learning task for dashboard tests: multinomial logistic regression (C classes, F features, model
 * dimension C·(F+1)) on Gaussian blobs. Nodes hold skewed local samples; accuracy and loss are measured on a shared
 * test set, so the dashboard's accuracy chart shows a real learning curve.
 */
final class BlobTask {
    static final int C = 3;
    static final int F = 4;
    static final int D = C * (F + 1);

    private final float[][] centres = new float[C][F];
    final float[][] testX;
    final int[] testY;

    BlobTask(long seed, int testSize) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int c = 0; c < C; c++) for (int f = 0; f < F; f++) centres[c][f] = (float) (rng.nextGaussian() * 1.6);
        testX = new float[testSize][];
        testY = new int[testSize];
        for (int i = 0; i < testSize; i++) {
            testY[i] = i % C;
            testX[i] = sample(testY[i], rng);
        }
    }

    private float[] sample(int label, SplittableRandom rng) {
        float[] x = new float[F];
        for (int f = 0; f < F; f++) x[f] = centres[label][f] + (float) rng.nextGaussian();
        return x;
    }

    /** Node i's training compute: {@code size} samples, a quarter of them of class i mod C, the rest uniform; K gradient steps per round. */
    LocalCompute compute(Clock clock, int node, int size, long seed, long delayNanos) {
        SplittableRandom rng = new SplittableRandom(seed * 31 + node);
        float[][] x = new float[size][];
        int[] y = new int[size];
        for (int s = 0; s < size; s++) {
            y[s] = rng.nextInt(4) != 0 ? rng.nextInt(C) : node % C;
            x[s] = sample(y[s], rng);
        }
        return (round, start, done) -> {
            float[] w = start.clone();
            double loss = 0;
            for (int k = 0; k < 5; k++) loss = step(w, x, y, 0.05f);
            float[] trained = w;
            double l = loss;
            clock.schedule(delayNanos, () -> done.accept(LocalCompute.TrainOutcome.of(trained, l)));
        };
    }

    /** One full-batch gradient step; returns the loss before it. */
    static double step(float[] w, float[][] x, int[] y, float lr) {
        float[] grad = new float[D];
        double loss = 0;
        double[] p = new double[C];
        for (int s = 0; s < x.length; s++) {
            loss -= Math.log(Math.max(1e-12, probabilities(w, x[s], p)[y[s]]));
            for (int c = 0; c < C; c++) {
                double g = p[c] - (c == y[s] ? 1 : 0);
                for (int f = 0; f < F; f++) grad[c * (F + 1) + f] += (float) (g * x[s][f]);
                grad[c * (F + 1) + F] += (float) g;
            }
        }
        for (int e = 0; e < D; e++) w[e] -= lr * grad[e] / x.length;
        return loss / x.length;
    }

    static double[] probabilities(float[] w, float[] x, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < C; c++) {
            double z = w[c * (F + 1) + F];
            for (int f = 0; f < F; f++) z += w[c * (F + 1) + f] * x[f];
            out[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < C; c++) sum += out[c] = Math.exp(out[c] - max);
        for (int c = 0; c < C; c++) out[c] /= sum;
        return out;
    }

    /** {accuracy, loss} of model w on the test set. */
    double[] evaluate(float[] w) {
        double[] p = new double[C];
        int right = 0;
        double loss = 0;
        for (int i = 0; i < testX.length; i++) {
            probabilities(w, testX[i], p);
            int best = 0;
            for (int c = 1; c < C; c++) if (p[c] > p[best]) best = c;
            if (best == testY[i]) right++;
            loss -= Math.log(Math.max(1e-12, p[testY[i]]));
        }
        return new double[] {(double) right / testX.length, loss / testX.length};
    }
}
