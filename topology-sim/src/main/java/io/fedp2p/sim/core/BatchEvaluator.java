package io.fedp2p.sim.core;

import io.fedp2p.node.train.EvalSet;
import io.fedp2p.node.train.Evaluation;
import io.fedp2p.node.train.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates many models on the test set at once: {@link Task#evaluateAll} (one pass over the shared feature cache per
 * chunk of samples for the DJL task) on contiguous slices of the list, one slice per worker. Each model's evaluation
 * is independent of the others, so the results are the same for any thread count.
 */
final class BatchEvaluator {
    private final Task task;
    private final EvalSet set;
    private final Workers workers;

    /** @param testSamples the first this many test samples (0 = all) */
    BatchEvaluator(Task task, int testSamples, Workers workers) {
        this.task = task;
        EvalSet all = task.testSet();
        this.set = testSamples == 0 || testSamples >= all.size()
                ? all
                : new EvalSet("test-" + testSamples, all.source(), Arrays.copyOf(all.indices(), testSamples));
        this.workers = workers;
    }

    int size() {
        return set.size();
    }

    /** One evaluation per model, in list order. */
    List<Evaluation> evaluate(List<float[]> models) {
        int lanes = Math.max(1, Math.min(workers.threads(), models.size()));
        int per = (models.size() + lanes - 1) / lanes;
        @SuppressWarnings("unchecked")
        List<Evaluation>[] parts = new List[lanes];
        workers.forEach(lanes, k -> {
            int from = Math.min(models.size(), k * per);
            int to = Math.min(models.size(), from + per);
            parts[k] = from == to ? List.of() : task.evaluateAll(models.subList(from, to), set);
        });
        List<Evaluation> out = new ArrayList<>(models.size());
        for (List<Evaluation> p : parts) out.addAll(p);
        return out;
    }
}
