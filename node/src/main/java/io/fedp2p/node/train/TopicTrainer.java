package io.fedp2p.node.train;

import ai.djl.ndarray.NDManager;
import io.fedp2p.node.data.Sampling;
import java.util.ArrayList;
import java.util.Arrays;
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
    private final RandomGenerator rng;
    private final int[] samples;
    private final int[] mappedLabel;
    private final int[] familiar;
    private final EvalSet validation;
    private final SamSgd optimizer;
    private int[] order;
    private int cursor;
    private boolean closed;

    TopicTrainer(TopicTask task, int node, RandomGenerator rng, IntUnaryOperator labelMap) {
        this.task = task;
        this.node = node;
        this.rng = rng;
        this.samples = task.partition.node(node);
        int c = task.numClasses();
        this.mappedLabel = new int[c];
        for (int k = 0; k < c; k++) {
            int y = labelMap.applyAsInt(k);
            if (y < 0 || y >= c) throw new IllegalArgumentException("label map sends " + k + " to " + y);
            mappedLabel[k] = y;
        }
        this.familiar =
                VisionTrainer.familiarClasses(task.partition.histogram(node, task.trainLabels, c), samples.length);
        this.validation = drawValidation(task, familiar, rng, node);
        this.optimizer = new SamSgd(task.dimension());
        this.order = samples.clone();
        this.cursor = order.length;
    }

    /** κ entries of every familiar class from the validation pool, drawn with the node's RNG. */
    private static EvalSet drawValidation(TopicTask task, int[] familiar, RandomGenerator rng, int node) {
        List<Integer> chosen = new ArrayList<>();
        for (int c : familiar) {
            int[] ofClass = Arrays.stream(task.validationPool)
                    .filter(i -> task.trainLabels[i] == c)
                    .toArray();
            Sampling.shuffle(ofClass, rng);
            for (int i = 0; i < Math.min(task.config.kappa(), ofClass.length); i++) chosen.add(ofClass[i]);
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
        int[] y = task.labels(EvalSet.Source.TRAIN, idx);
        for (int i = 0; i < y.length; i++) y[i] = mappedLabel[y[i]];
        return y;
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
            int[] idx = nextBatch(plan.batchSize());
            int[] y = trainingLabels(idx);
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
        return new LocalBatch(nextBatch(batchSize));
    }

    @Override
    public float minibatchLoss(float[] theta, LocalBatch batch) {
        checkOpen();
        task.checkVector(theta);
        int[] idx = batch.indices();
        try (NDManager m = task.shared.newSubManager()) {
            return task.net.loss(m, theta, task.net.input(m, EvalSet.Source.TRAIN, idx), trainingLabels(idx));
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
