package io.fedp2p.node.train;

/**
 * The part every classification trainer shares: the node's {@link NodeShard}, its {@link SamSgd} optimiser, the K-step
 * loop of {@link #train} and the open/closed state. A subclass supplies one SAM step on a batch, the vector check and
 * evaluation. Not thread-safe.
 */
public abstract class ShardTrainer implements LocalTrainer {
    protected final int node;
    protected final NodeShard shard;
    private final SamSgd optimizer;
    private boolean closed;

    protected ShardTrainer(int node, NodeShard shard, int dimension) {
        this.node = node;
        this.shard = shard;
        this.optimizer = new SamSgd(dimension);
    }

    /** Throws unless {@code theta} has the task's dimension and finite values. */
    protected abstract void checkVector(float[] theta);

    /**
     * One optimiser step on the batch {@code idx} with (mapped) labels {@code y}, updating {@code theta} in place.
     *
     * @return the batch's loss before the step
     */
    protected abstract double step(SamSgd optimizer, float[] theta, int[] idx, int[] y, RoundPlan plan, String what);

    @Override
    public final int nodeIndex() {
        return node;
    }

    @Override
    public final int trainSize() {
        return shard.size();
    }

    @Override
    public final int[] familiarClasses() {
        return shard.familiar();
    }

    @Override
    public final EvalSet localValidation() {
        return shard.validation();
    }

    @Override
    public final TrainReport train(float[] start, RoundPlan plan) {
        checkOpen();
        checkVector(start);
        float[] theta = start.clone();
        if (!plan.carryMomentum()) optimizer.resetMomentum();
        double lossSum = 0;
        long seen = 0;
        for (int k = 0; k < plan.localSteps(); k++) {
            int[] idx = shard.nextBatch(plan.batchSize());
            String what = "node " + node + ", round " + plan.round() + ", step " + k;
            lossSum += step(optimizer, theta, idx, shard.labels(idx), plan, what);
            seen += idx.length;
        }
        return new TrainReport(theta, lossSum / plan.localSteps(), plan.localSteps(), seen);
    }

    @Override
    public final LocalBatch drawBatch(int batchSize) {
        checkOpen();
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1");
        return new LocalBatch(shard.nextBatch(batchSize));
    }

    protected final void checkOpen() {
        if (closed) throw new IllegalStateException("trainer of node " + node + " is closed");
    }

    /** Frees what the subclass holds (called once, by {@link #close}). */
    protected void release() {}

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }
}
