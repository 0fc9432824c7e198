package io.fedp2p.node.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.fedp2p.node.data.FashionMnist;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * One node's {@link LocalTrainer} on a {@link VisionTask}. Holds only the node's sample indices and (mapped) labels,
 * its RNG and data-order cursor, the optimiser's buffers and a native sub-manager; everything else is the task's.
 */
final class VisionTrainer extends ShardTrainer {
    private final VisionTask task;
    private final NDManager manager;

    VisionTrainer(VisionTask task, int node, RandomGenerator rng, IntUnaryOperator labelMap) {
        super(
                node,
                new NodeShard(
                        node,
                        task.partition.node(node),
                        task.partition.histogram(node, task.trainLabels, FashionMnist.CLASSES),
                        task.trainLabels,
                        task.validationPool,
                        task.config.kappa(),
                        labelMap,
                        rng),
                task.dimension());
        this.task = task;
        this.manager = task.shared.newSubManager();
    }

    @Override
    protected void checkVector(float[] theta) {
        task.checkVector(theta);
    }

    @Override
    protected double step(SamSgd optimizer, float[] theta, int[] idx, int[] y, RoundPlan plan, String what) {
        try (NDManager m = manager.newSubManager()) {
            NDArray input = task.inputs(m, EvalSet.Source.TRAIN, idx);
            return optimizer.step(theta, (t, g) -> task.lossAndGradient(m, t, input, y, g), plan, what);
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
        try (NDManager m = manager.newSubManager()) {
            NDArray logits = task.logits(m, theta, task.inputs(m, EvalSet.Source.TRAIN, idx));
            return ConfusionCounter.crossEntropy(logits, shard.labels(idx), FashionMnist.CLASSES)
                    .getFloat();
        }
    }

    @Override
    protected void release() {
        manager.close();
    }
}
