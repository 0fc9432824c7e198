package io.fedp2p.node.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.fedp2p.node.model.Scalars;

/** Accumulates confusion counts and summed cross-entropy over chunks of logits. Not thread-safe. */
final class ConfusionCounter {
    private final long[][] confusion;
    private double lossSum;
    private long count;

    ConfusionCounter(int classes) {
        confusion = new long[classes][classes];
    }

    /** Adds a chunk: {@code logits} is {@code n × C}, {@code labels} the n true classes. */
    void add(NDArray logits, int[] labels) {
        NDManager m = logits.getManager();
        NDArray logp = logits.logSoftmax(1);
        NDArray picked = logp.mul(m.create(labels).oneHot(confusion.length)).sum(new int[] {1});
        float[] lp = picked.toFloatArray();
        long[] pred = logits.argMax(1).toLongArray();
        for (int i = 0; i < labels.length; i++) {
            confusion[labels[i]][(int) pred[i]]++;
            lossSum -= lp[i];
        }
        count += labels.length;
    }

    Evaluation result() {
        return new Evaluation(confusion, count == 0 ? Double.NaN : lossSum / count);
    }

    /** Mean cross-entropy of {@code logits} against {@code labels}, as a scalar array (differentiable). */
    static NDArray crossEntropy(NDArray logits, int[] labels, int classes) {
        NDManager m = logits.getManager();
        NDArray onehot = m.create(labels).oneHot(classes);
        return Scalars.div(logits.logSoftmax(1).mul(onehot).sum().neg(), labels.length);
    }
}
