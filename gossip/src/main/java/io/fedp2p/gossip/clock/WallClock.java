package io.fedp2p.gossip.clock;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real time on one dedicated event thread (never a Netty or Vert.x event loop). A task that throws is logged at WARN
 * and the clock keeps running. Thread-safe: tasks may be scheduled from any thread. {@link #close()} stops the
 * thread; tasks not yet run are dropped.
 */
public final class WallClock implements Clock, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WallClock.class);

    private final ScheduledExecutorService executor;
    private final long origin = System.nanoTime();
    private volatile Thread thread;

    /** A clock whose event thread has the given name. */
    public WallClock(String threadName) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    @Override
    public long nanos() {
        return System.nanoTime() - origin;
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public Timer schedule(long delayNanos, Runnable task) {
        if (delayNanos < 0) throw new IllegalArgumentException("negative delay " + delayNanos);
        try {
            ScheduledFuture<?> f = executor.schedule(guarded(task), delayNanos, TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> {}; // closed: tasks are dropped, as documented
        }
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("clock closed, task dropped");
        }
    }

    /** True when called on this clock's event thread. */
    public boolean inEventThread() {
        return Thread.currentThread() == thread;
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("event task failed", e);
            }
        };
    }

    /** Stops the event thread after the running task, waiting up to {@code timeoutMillis}. */
    public void close(long timeoutMillis) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(2000);
    }
}
