package io.fedp2p.sim.task;

import io.fedp2p.node.train.EvalSet;
import io.fedp2p.node.train.Evaluation;
import io.fedp2p.node.train.LocalBatch;
import io.fedp2p.node.train.LocalTrainer;
import io.fedp2p.node.train.NodeShard;
import io.fedp2p.node.train.RoundPlan;
import io.fedp2p.node.train.SamSgd;
import io.fedp2p.node.train.TrainReport;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * One node's {@link LocalTrainer} on a {@link VectorTask}: the trainer's own {@link SamSgd} (SAM with one global norm,
 * ALGORITHMS.md §1.1) on softmax regression. Data order, validation slice and minibatches come from the node's
 * generator, as in the vision trainer. Not thread-safe.
 */
final class VectorTrainer implements LocalTrainer {
    private final VectorTask task;
    private final int node;
    private final NodeShard shard;
    private final SamSgd optimizer;

    VectorTrainer(VectorTask task, int node, RandomGenerator rng, IntUnaryOperator labelMap) {
        this.task = task;
        this.node = node;
        int[] samples = task.partition.node(node);
        int classes = task.spec.classes();
        this.shard = new NodeShard(
                node,
                samples,
                task.partition.histogram(node, task.data.trainY, classes),
                task.data.trainY,
                task.validationPool,
                task.spec.kappa(),
                labelMap,
                rng);
        this.optimizer = new SamSgd(task.layout().dimension());
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
        task.checkVector(start);
        float[] theta = start.clone();
        if (!plan.carryMomentum()) optimizer.resetMomentum();
        int c = task.spec.classes();
        int d = task.spec.features();
        double lossSum = 0;
        long seen = 0;
        for (int k = 0; k < plan.localSteps(); k++) {
            int[] idx = shard.nextBatch(plan.batchSize());
            int[] y = shard.labels(idx);
            String what = "node " + node + ", round " + plan.round() + ", step " + k;
            lossSum += optimizer.step(
                    theta, (t, g) -> Softmax.lossAndGradient(t, c, d, task.data.trainX, idx, y, g), plan, what);
            seen += idx.length;
        }
        return new TrainReport(theta, lossSum / plan.localSteps(), plan.localSteps(), seen);
    }

    @Override
    public Evaluation evaluate(float[] theta, EvalSet set) {
        return task.evaluate(theta, set);
    }

    @Override
    public LocalBatch drawBatch(int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1");
        return new LocalBatch(shard.nextBatch(batchSize));
    }

    @Override
    public float minibatchLoss(float[] theta, LocalBatch batch) {
        task.checkVector(theta);
        int[] idx = batch.indices();
        float[] grad = new float[theta.length];
        return Softmax.lossAndGradient(
                theta, task.spec.classes(), task.spec.features(), task.data.trainX, idx, shard.labels(idx), grad);
    }

    @Override
    public void close() {
        // plain Java: nothing to free
    }
}
