package io.fedp2p.node.runtime;

import io.fedp2p.node.engine.LocalCompute;
import io.fedp2p.node.train.LocalTrainer;
import io.fedp2p.node.train.TrainReport;
import io.fedp2p.node.train.TrainSettings;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one worker thread for DJL work (never a Netty or Vert.x event loop): local training for the engine, and
 * after each round the test evaluation, the checkpoint and the metrics line, in submission order. The trainer is used
 * under its own monitor, so that the engine thread may use it for Mozi's minibatch loss between rounds.
 */
final class TrainingWorker implements LocalCompute {
    private static final Logger log = LoggerFactory.getLogger(TrainingWorker.class);

    private final LocalTrainer trainer;
    private final TrainSettings settings;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fedp2p-trainer");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.ConcurrentHashMap<Long, Long> computeNanos =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean closing;

    TrainingWorker(LocalTrainer trainer, TrainSettings settings) {
        this.trainer = trainer;
        this.settings = settings;
    }

    @Override
    public void train(long round, float[] start, Consumer<TrainOutcome> done) {
        float[] s = start.clone();
        submit(() -> {
            if (closing) return; // shutting down: the round is abandoned, its checkpoint predecessor stays
            TrainOutcome outcome;
            try {
                TrainReport r;
                long t0 = System.nanoTime();
                synchronized (trainer) {
                    r = trainer.train(s, settings.plan(round));
                }
                computeNanos.put(round, System.nanoTime() - t0);
                outcome = TrainOutcome.of(r.vector(), r.meanLoss());
            } catch (RuntimeException e) {
                outcome = TrainOutcome.failed(e);
            }
            done.accept(outcome);
        });
    }

    /** Wall time of round {@code round}'s training call alone (no queueing), then forgotten; 0 if unknown. */
    long takeComputeNanos(long round) {
        Long n = computeNanos.remove(round);
        computeNanos.keySet().removeIf(r -> r < round);
        return n == null ? 0 : n;
    }

    /** Runs {@code task} on the worker after everything submitted before. */
    void submit(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("worker task failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("worker closed; task dropped");
        }
    }

    /**
     * Stops taking training work, lets queued bookkeeping (checkpoint, metrics) finish, and waits up to {@code
     * millis} for a training step in progress.
     */
    void close(long millis) {
        closing = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
                log.warn("local training still running after {} ms; abandoning it", millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
