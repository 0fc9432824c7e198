package io.fedp2p.sim.task;

import io.fedp2p.node.train.EvalSet;
import io.fedp2p.node.train.Evaluation;
import io.fedp2p.node.train.LocalBatch;
import io.fedp2p.node.train.LocalTrainer;
import io.fedp2p.node.train.NodeShard;
import io.fedp2p.node.train.RoundPlan;
import io.fedp2p.node.train.SamSgd;
import io.fedp2p.node.train.ShardTrainer;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * One node's {@link LocalTrainer} on a {@link VectorTask}: the trainer's own {@link SamSgd} (SAM with one global norm,
 * ALGORITHMS.md §1.1) on softmax regression. Data order, validation slice and minibatches come from the node's
 * generator, as in the vision trainer. Not thread-safe.
 */
final class VectorTrainer extends ShardTrainer {
    private final VectorTask task;

    VectorTrainer(VectorTask task, int node, RandomGenerator rng, IntUnaryOperator labelMap) {
        super(
                node,
                new NodeShard(
                        node,
                        task.partition.node(node),
                        task.partition.histogram(node, task.data.trainY, task.spec.classes()),
                        task.data.trainY,
                        task.validationPool,
                        task.spec.kappa(),
                        labelMap,
                        rng),
                task.layout().dimension());
        this.task = task;
    }

    @Override
    protected void checkVector(float[] theta) {
        task.checkVector(theta);
    }

    @Override
    protected double step(SamSgd optimizer, float[] theta, int[] idx, int[] y, RoundPlan plan, String what) {
        int c = task.spec.classes();
        int d = task.spec.features();
        return optimizer.step(
                theta, (t, g) -> Softmax.lossAndGradient(t, c, d, task.data.trainX, idx, y, g), plan, what);
    }

    @Override
    public Evaluation evaluate(float[] theta, EvalSet set) {
        return task.evaluate(theta, set);
    }

    @Override
    public float minibatchLoss(float[] theta, LocalBatch batch) {
        task.checkVector(theta);
        int[] idx = batch.indices();
        float[] grad = new float[theta.length];
        return Softmax.lossAndGradient(
                theta, task.spec.classes(), task.spec.features(), task.data.trainX, idx, shard.labels(idx), grad);
    }
}
