package io.fedp2p.sim.core;

import io.fedp2p.node.train.EvalSet;
import io.fedp2p.node.train.Evaluation;
import io.fedp2p.node.train.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Evaluates many models on the test set in the background while the simulation goes on: {@link Task#evaluateAll}
 * (one pass over the shared feature cache per chunk of samples for the DJL task) on contiguous slices of the list, one
 * slice per evaluation thread. Each model's evaluation is independent of the others and of timing, so the results are
 * the same for any thread count. Close it after the run.
 */
final class BatchEvaluator implements AutoCloseable {
    /** Models per {@link Task#evaluateAll} call. */
    static final int PIECE = 32;

    private final Task task;
    private final EvalSet set;
    private final int threads;
    private final ExecutorService executor;

    /** @param testSamples the first this many test samples (0 = all) */
    BatchEvaluator(Task task, int testSamples, int threads) {
        this.task = task;
        EvalSet all = task.testSet();
        this.set = testSamples == 0 || testSamples >= all.size()
                ? all
                : new EvalSet("test-" + testSamples, all.source(), Arrays.copyOf(all.indices(), testSamples));
        this.threads = threads;
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fedp2p-sim-eval");
            t.setDaemon(true);
            return t;
        });
    }

    int size() {
        return set.size();
    }

    /** One evaluation per model, in list order, computed in the background (the list is owned by the call). */
    CompletableFuture<List<Evaluation>> submit(List<float[]> models) {
        int lanes = Math.max(1, Math.min(threads, models.size()));
        int per = (models.size() + lanes - 1) / lanes;
        List<CompletableFuture<List<Evaluation>>> parts = new ArrayList<>(lanes);
        for (int k = 0; k < lanes; k++) {
            int from = Math.min(models.size(), k * per);
            int to = Math.min(models.size(), from + per);
            List<float[]> slice = models.subList(from, to);
            parts.add(CompletableFuture.supplyAsync(() -> evaluate(slice), executor));
        }
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> {
                    List<Evaluation> out = new ArrayList<>(models.size());
                    for (CompletableFuture<List<Evaluation>> p : parts) out.addAll(p.join());
                    return out;
                });
    }

    /**
     * {@link Task#evaluateAll} on pieces of at most {@link #PIECE} models: the vision task keeps some per-model
     * native intermediates until the end of each chunk of samples, so one call with hundreds of models would raise the
     * resident memory by about 3 MB per model.
     */
    private List<Evaluation> evaluate(List<float[]> models) {
        List<Evaluation> out = new ArrayList<>(models.size());
        for (int k = 0; k < models.size(); k += PIECE) {
            out.addAll(task.evaluateAll(models.subList(k, Math.min(models.size(), k + PIECE)), set));
        }
        return out;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
