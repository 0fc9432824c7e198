package io.fedp2p.node.train;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * One node's {@link LocalTrainer} on a {@link TopicTask}: the node's training entries in an RNG order, its mapped
 * labels, its validation slice and its optimiser buffers; the encoder, cache and adapter are the task's.
 */
final class TopicTrainer extends ShardTrainer {
    private final TopicTask task;

    TopicTrainer(TopicTask task, int node, RandomGenerator rng, IntUnaryOperator labelMap) {
        super(
                node,
                new NodeShard(
                        node,
                        task.partition.node(node),
                        task.partition.histogram(node, task.trainLabels, task.numClasses()),
                        task.trainLabels,
                        task.validationPool,
                        task.config.kappa(),
                        labelMap,
                        rng),
                task.dimension());
        this.task = task;
    }

    @Override
    protected void checkVector(float[] theta) {
        task.checkVector(theta);
    }

    @Override
    protected double step(SamSgd optimizer, float[] theta, int[] idx, int[] y, RoundPlan plan, String what) {
        try (NDManager m = task.shared.newSubManager()) {
            TopicNet.Input in = task.net.input(m, EvalSet.Source.TRAIN, idx);
            return optimizer.step(theta, (t, g) -> task.net.lossAndGradient(m, t, in, y, g), plan, what);
        }
    }

    @Override
    public Evaluation evaluate(float[] theta, EvalSet set) {
        checkOpen();
        return task.evaluateAll(List.of(theta), set).get(0);
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
}
