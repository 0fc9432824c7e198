package io.fedp2p.sim.task;

import io.fedp2p.node.data.Sampling;
import io.fedp2p.node.train.EvalSet;
import io.fedp2p.node.train.Evaluation;
import io.fedp2p.node.train.LocalBatch;
import io.fedp2p.node.train.LocalTrainer;
import io.fedp2p.node.train.RoundPlan;
import io.fedp2p.node.train.SamSgd;
import io.fedp2p.node.train.TrainReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * One node's {@link LocalTrainer} on a {@link VectorTask}: the trainer's own {@link SamSgd} (SAM with one global norm,
 * ALGORITHMS.md §1.1) on softmax regression. Data order, validation slice and minibatches come from the node's
 * generator, as in the vision trainer. Not thread-safe.
 */
final class VectorTrainer implements LocalTrainer {
    /** The vision trainer's rule for L_i: a class is familiar when it is at least 5% of the node's samples. */
    static final double FAMILIAR_SHARE = 0.05;

    private final VectorTask task;
    private final int node;
    private final RandomGenerator rng;
    private final int[] samples;
    private final int[] mappedLabel;
    private final int[] familiar;
    private final EvalSet validation;
    private final SamSgd optimizer;
    private int[] order;
    private int cursor;

    VectorTrainer(VectorTask task, int node, RandomGenerator rng, IntUnaryOperator labelMap) {
        this.task = task;
        this.node = node;
        this.rng = rng;
        this.samples = task.partition.node(node);
        int classes = task.spec.classes();
        this.mappedLabel = new int[classes];
        for (int c = 0; c < classes; c++) {
            int y = labelMap.applyAsInt(c);
            if (y < 0 || y >= classes) throw new IllegalArgumentException("label map sends " + c + " to " + y);
            mappedLabel[c] = y;
        }
        this.familiar = familiarClasses(task.partition.histogram(node, task.data.trainY, classes), samples.length);
        this.validation = drawValidation();
        this.optimizer = new SamSgd(task.layout().dimension());
        this.order = samples.clone();
        this.cursor = order.length;
    }

    private static int[] familiarClasses(int[] histogram, int total) {
        double min = Math.max(1, FAMILIAR_SHARE * total);
        List<Integer> f = new ArrayList<>();
        for (int c = 0; c < histogram.length; c++) if (histogram[c] >= min) f.add(c);
        return f.stream().mapToInt(Integer::intValue).toArray();
    }

    private EvalSet drawValidation() {
        List<Integer> chosen = new ArrayList<>();
        for (int c : familiar) {
            int[] ofClass = Arrays.stream(task.validationPool)
                    .filter(i -> task.data.trainY[i] == c)
                    .toArray();
            Sampling.shuffle(ofClass, rng);
            for (int i = 0; i < Math.min(task.spec.kappa(), ofClass.length); i++) chosen.add(ofClass[i]);
        }
        if (chosen.isEmpty()) chosen.add(task.validationPool[0]);
        return new EvalSet(
                "validation-" + node,
                EvalSet.Source.TRAIN,
                chosen.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    @Override
    public int nodeIndex() {
        return node;
    }

    @Override
    public int trainSize() {
        return samples.length;
    }

    @Override
    public int[] familiarClasses() {
        return familiar.clone();
    }

    @Override
    public EvalSet localValidation() {
        return validation;
    }

    private int[] nextBatch(int size) {
        int n = Math.min(size, samples.length);
        int[] batch = new int[n];
        for (int i = 0; i < n; i++) {
            if (cursor == order.length) {
                Sampling.shuffle(order, rng);
                cursor = 0;
            }
            batch[i] = order[cursor++];
        }
        return batch;
    }

    private int[] trainingLabels(int[] idx) {
        int[] y = new int[idx.length];
        for (int i = 0; i < idx.length; i++) y[i] = mappedLabel[task.data.trainY[idx[i]]];
        return y;
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
            int[] idx = nextBatch(plan.batchSize());
            int[] y = trainingLabels(idx);
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
        return new LocalBatch(nextBatch(batchSize));
    }

    @Override
    public float minibatchLoss(float[] theta, LocalBatch batch) {
        task.checkVector(theta);
        int[] idx = batch.indices();
        float[] grad = new float[theta.length];
        return Softmax.lossAndGradient(
                theta, task.spec.classes(), task.spec.features(), task.data.trainX, idx, trainingLabels(idx), grad);
    }

    @Override
    public void close() {
        // plain Java: nothing to free
    }
}
