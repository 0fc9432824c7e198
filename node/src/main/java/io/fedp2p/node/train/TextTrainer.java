package io.fedp2p.node.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.fedp2p.node.data.Sampling;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;

/** One category's {@link LocalTrainer} on a {@link TextTask}: windows of its training text in an RNG order. */
final class TextTrainer implements LocalTrainer {
    private final TextTask task;
    private final int node;
    private final RandomGenerator rng;
    private final IntUnaryOperator labelMap;
    private final int[] windows;
    private final SamSgd optimizer;
    private int[] order;
    private int cursor;
    private boolean closed;

    TextTrainer(TextTask task, int node, RandomGenerator rng, IntUnaryOperator labelMap) {
        this.task = task;
        this.node = node;
        this.rng = rng;
        this.labelMap = labelMap;
        this.windows = task.train.ofText(node);
        if (windows.length == 0)
            throw new IllegalArgumentException("category " + task.categories.get(node) + " is too short");
        this.optimizer = new SamSgd(task.dimension());
        this.order = windows.clone();
        this.cursor = order.length;
    }

    @Override
    public int nodeIndex() {
        return node;
    }

    @Override
    public int trainSize() {
        return windows.length;
    }

    /** Every character id is "familiar" to a language model. */
    @Override
    public int[] familiarClasses() {
        int[] all = new int[task.numClasses()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return all;
    }

    /** The held-out tail of the node's own category. */
    @Override
    public EvalSet localValidation() {
        return task.testSet(node);
    }

    private int[] nextBatch(int size) {
        int n = Math.min(size, windows.length);
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            if (cursor == order.length) {
                Sampling.shuffle(order, rng);
                cursor = 0;
            }
            b[i] = order[cursor++];
        }
        return b;
    }

    private float lossAndGradient(float[] theta, int[] batch, float[] grad) {
        int ctx = task.model.context();
        int[] in = new int[batch.length * ctx];
        int[] target = new int[batch.length * ctx];
        task.train.fill(batch, in, target);
        for (int i = 0; i < target.length; i++) target[i] = labelMap.applyAsInt(target[i]);
        try (NDManager m = EngineSetup.engine().newBaseManager()) {
            Map<String, NDArray> p = new HashMap<>();
            boolean wantGrad = grad != null;
            java.util.function.Supplier<NDArray> loss = () -> ConfusionCounter.crossEntropy(
                    task.logits(m, theta, in, batch.length, p, wantGrad).reshape(target.length, task.model.vocab()),
                    target,
                    task.model.vocab());
            if (!wantGrad) return loss.get().getFloat();
            float l = Autograd.backward(loss);
            for (var e : task.layout().entries()) {
                System.arraycopy(p.get(e.name()).getGradient().toFloatArray(), 0, grad, e.offset(), e.size());
            }
            return l;
        }
    }

    @Override
    public TrainReport train(float[] start, RoundPlan plan) {
        check();
        task.checkVector(start);
        float[] theta = start.clone();
        if (!plan.carryMomentum()) optimizer.resetMomentum();
        double sum = 0;
        long seen = 0;
        for (int k = 0; k < plan.localSteps(); k++) {
            int[] batch = nextBatch(plan.batchSize());
            String what = "category " + task.categories.get(node) + ", round " + plan.round() + ", step " + k;
            sum += optimizer.step(theta, (t, g) -> lossAndGradient(t, batch, g), plan, what);
            seen += batch.length;
        }
        return new TrainReport(theta, sum / plan.localSteps(), plan.localSteps(), seen);
    }

    @Override
    public Evaluation evaluate(float[] theta, EvalSet set) {
        check();
        return task.evaluateAll(java.util.List.of(theta), set).get(0);
    }

    @Override
    public LocalBatch drawBatch(int batchSize) {
        check();
        return new LocalBatch(nextBatch(batchSize));
    }

    @Override
    public float minibatchLoss(float[] theta, LocalBatch batch) {
        check();
        task.checkVector(theta);
        return lossAndGradient(theta, batch.indices(), null);
    }

    private void check() {
        if (closed) throw new IllegalStateException("trainer of node " + node + " is closed");
    }

    @Override
    public void close() {
        closed = true;
    }
}
