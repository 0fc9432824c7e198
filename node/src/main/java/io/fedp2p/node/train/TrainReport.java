package io.fedp2p.node.train;

/**
 * The outcome of {@link LocalTrainer#train}: the end vector θ^{t,K} and what the steps saw. Immutable; the vector
 * accessor returns a copy.
 */
public final class TrainReport {
    private final float[] vector;
    private final double meanLoss;
    private final int steps;
    private final long samplesSeen;

    public TrainReport(float[] vector, double meanLoss, int steps, long samplesSeen) {
        this.vector = vector.clone();
        this.meanLoss = meanLoss;
        this.steps = steps;
        this.samplesSeen = samplesSeen;
    }

    /** θ after the K local steps (a copy). */
    public float[] vector() {
        return vector.clone();
    }

    /** Mean minibatch loss at the unperturbed points of the K steps (before each update). */
    public double meanLoss() {
        return meanLoss;
    }

    /** Local steps taken (K). */
    public int steps() {
        return steps;
    }

    /** Training samples used, counting repeats. */
    public long samplesSeen() {
        return samplesSeen;
    }

    @Override
    public String toString() {
        return "TrainReport[steps=" + steps + ", samples=" + samplesSeen + ", meanLoss=" + meanLoss + "]";
    }
}
