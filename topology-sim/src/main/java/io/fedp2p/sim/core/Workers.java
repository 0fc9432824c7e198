package io.fedp2p.sim.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The simulator's worker threads for independent CPU work (local trainings of different nodes, evaluations of
 * different models). Work is split statically by index, and every result lands in its own slot, so the outcome never
 * depends on the thread count or on scheduling. With one thread everything runs on the caller's thread.
 */
final class Workers implements AutoCloseable {
    private final int threads;
    private final ExecutorService executor;

    Workers(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        this.threads = threads;
        this.executor = threads == 1
                ? null
                : Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "fedp2p-sim-worker");
                    t.setDaemon(true);
                    return t;
                });
    }

    int threads() {
        return threads;
    }

    /** Calls {@code body} for every index in [0, n), index k on worker k mod threads; returns when all are done. */
    void forEach(int n, IntConsumer body) {
        if (executor == null || n <= 1) {
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        int lanes = Math.min(threads, n);
        List<Callable<Void>> tasks = new ArrayList<>(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            int first = lane;
            tasks.add(() -> {
                for (int i = first; i < n; i += lanes) body.accept(i);
                return null;
            });
        }
        try {
            for (Future<Void> f : executor.invokeAll(tasks)) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for workers", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    @Override
    public void close() {
        if (executor != null) executor.shutdownNow();
    }
}
