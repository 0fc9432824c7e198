package io.fedp2p.node.train;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * One node's {@link LocalTrainer} on a {@link TopicTask}: the node's training entries in an RNG order, its mapped
 * labels, its validation slice and its optimiser buffers; the encoder, cache and adapter are the task's.
 */
final class TopicTrainer implements LocalTrainer {
    private final TopicTask task;
    private final int node;
    private final NodeShard shard;
    private final SamSgd optimizer;
    private boolean closed;

    TopicTrainer(TopicTask task, int node, RandomGenerator rng, IntUnaryOperator labelMap) {
        this.task = task;
        this.node = node;
        int[] samples = task.partition.node(node);
        this.shard = new NodeShard(
                node,
                samples,
                task.partition.histogram(node, task.trainLabels, task.numClasses()),
                task.trainLabels,
                task.validationPool,
                task.config.kappa(),
                labelMap,
                rng);
        this.optimizer = new SamSgd(task.dimension());
    }

    @Override
    public int nodeIndex() {
        return node;
    }

    @Override
    public int trainSize() {
        return shard.size();
    }

    @Override
    public int[] familiarClasses() {
        return shard.familiar();
    }

    @Override
    public EvalSet localValidation() {
        return shard.validation();
    }

    @Override
    public TrainReport train(float[] start, RoundPlan plan) {
        checkOpen();
        task.checkVector(start);
        float[] theta = start.clone();
        if (!plan.carryMomentum()) optimizer.resetMomentum();
        double lossSum = 0;
        long seen = 0;
        for (int k = 0; k < plan.localSteps(); k++) {
            int[] idx = shard.nextBatch(plan.batchSize());
            int[] y = shard.labels(idx);
            try (NDManager m = task.shared.newSubManager()) {
                TopicNet.Input in = task.net.input(m, EvalSet.Source.TRAIN, idx);
                String what = "node " + node + ", round " + plan.round() + ", step " + k;
                lossSum += optimizer.step(theta, (t, g) -> task.net.lossAndGradient(m, t, in, y, g), plan, what);
            }
            seen += idx.length;
        }
        return new TrainReport(theta, lossSum / plan.localSteps(), plan.localSteps(), seen);
    }

    @Override
    public Evaluation evaluate(float[] theta, EvalSet set) {
        checkOpen();
        return task.evaluateAll(List.of(theta), set).get(0);
    }

    @Override
    public LocalBatch drawBatch(int batchSize) {
        checkOpen();
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1");
        return new LocalBatch(shard.nextBatch(batchSize));
    }

    @Override
    public float minibatchLoss(float[] theta, LocalBatch batch) {
        checkOpen();
        task.checkVector(theta);
        int[] idx = batch.indices();
        try (NDManager m = task.shared.newSubManager()) {
            return task.net.loss(m, theta, task.net.input(m, EvalSet.Source.TRAIN, idx), shard.labels(idx));
        }
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("trainer of node " + node + " is closed");
    }

    @Override
    public void close() {
        closed = true;
    }
}
