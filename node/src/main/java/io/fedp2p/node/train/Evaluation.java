package io.fedp2p.node.train;

/**
 * Accuracy, mean loss and per-class precision, recall and F1 of one parameter vector on one {@link EvalSet}, from
 * its confusion counts. F1 is 0 whenever a class has no true positive (ALGORITHMS.md §2.8 #5). Immutable.
 */
public final class Evaluation {
    private final long[][] confusion;
    private final double meanLoss;
    private final long count;

    /**
     * @param confusion {@code confusion[actual][predicted]} counts, square
     * @param meanLoss mean cross-entropy (nats per sample, or per predicted token for text)
     */
    public Evaluation(long[][] confusion, double meanLoss) {
        int c = confusion.length;
        this.confusion = new long[c][];
        long n = 0;
        for (int i = 0; i < c; i++) {
            if (confusion[i].length != c) throw new IllegalArgumentException("confusion matrix must be square");
            this.confusion[i] = confusion[i].clone();
            for (long v : confusion[i]) n += v;
        }
        this.meanLoss = meanLoss;
        this.count = n;
    }

    public int numClasses() {
        return confusion.length;
    }

    /** Samples (or predicted tokens) evaluated. */
    public long count() {
        return count;
    }

    public double meanLoss() {
        return meanLoss;
    }

    /** exp(mean loss): the perplexity for a language model. */
    public double perplexity() {
        return Math.exp(meanLoss);
    }

    public double accuracy() {
        long tp = 0;
        for (int i = 0; i < confusion.length; i++) tp += confusion[i][i];
        return count == 0 ? 0 : (double) tp / count;
    }

    /** Count of samples of class {@code actual} predicted as {@code predicted}. */
    public long confusion(int actual, int predicted) {
        return confusion[actual][predicted];
    }

    /** A copy of the confusion counts, {@code [actual][predicted]}. */
    public long[][] confusionMatrix() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < copy.length; i++) copy[i] = confusion[i].clone();
        return copy;
    }

    /** Samples whose true class is c. */
    public long support(int c) {
        long s = 0;
        for (long v : confusion[c]) s += v;
        return s;
    }

    public double precision(int c) {
        long tp = confusion[c][c];
        long predicted = 0;
        for (long[] row : confusion) predicted += row[c];
        return tp == 0 ? 0 : (double) tp / predicted;
    }

    /** Recall of class c, which is also its per-class accuracy. */
    public double recall(int c) {
        long tp = confusion[c][c];
        return tp == 0 ? 0 : (double) tp / support(c);
    }

    /** F1 of class c; 0 when tp = 0. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Per-class recall (the CLI's {@code perClassAccuracy}). */
    public double[] perClassAccuracy() {
        double[] a = new double[confusion.length];
        for (int c = 0; c < a.length; c++) a[c] = recall(c);
        return a;
    }

    public double[] perClassF1() {
        double[] f = new double[confusion.length];
        for (int c = 0; c < f.length; c++) f[c] = f1(c);
        return f;
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT, "Evaluation[n=%d, accuracy=%.4f, loss=%.4f]", count, accuracy(), meanLoss);
    }
}
