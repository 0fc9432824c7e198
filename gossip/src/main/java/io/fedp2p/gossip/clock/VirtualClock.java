package io.fedp2p.gossip.clock;

import java.time.Instant;
import java.util.PriorityQueue;

/**
 * A deterministic discrete-event clock: time stands still while a task runs and jumps to the next due task. Ties are
 * broken by scheduling order (a sequence number), so a run depends only on its inputs. Not thread-safe: confine a
 * virtual clock and everything it drives to one thread.
 */
public final class VirtualClock implements Clock {
    private static final class Event implements Comparable<Event>, Timer {
        final long due;
        final long seq;
        Runnable task;

        Event(long due, long seq, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Event o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(seq, o.seq);
        }

        @Override
        public void cancel() {
            task = null;
        }
    }

    private final Instant start;
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long now;
    private long seq;
    private long executed;

    /** A clock at time 0 whose {@link #instant()} starts at {@code start}. */
    public VirtualClock(Instant start) {
        this.start = start;
    }

    /** A clock starting at the Unix epoch. */
    public VirtualClock() {
        this(Instant.EPOCH);
    }

    @Override
    public long nanos() {
        return now;
    }

    @Override
    public Instant instant() {
        return start.plusNanos(now);
    }

    @Override
    public Timer schedule(long delayNanos, Runnable task) {
        if (delayNanos < 0) throw new IllegalArgumentException("negative delay " + delayNanos);
        Event e = new Event(Math.addExact(now, delayNanos), seq++, task);
        queue.add(e);
        return e;
    }

    /** Runs the next due task, advancing time to it; false when nothing is scheduled. */
    public boolean runNext() {
        while (!queue.isEmpty()) {
            Event e = queue.poll();
            now = e.due;
            Runnable task = e.task;
            if (task != null) {
                e.task = null;
                executed++;
                task.run();
                return true;
            }
        }
        return false;
    }

    /** Runs every task due at or before {@code nanos}, then sets the time to {@code nanos}. */
    public void runUntil(long nanos) {
        while (!queue.isEmpty() && queue.peek().due <= nanos) {
            Event e = queue.poll();
            now = e.due;
            Runnable task = e.task;
            if (task != null) {
                e.task = null;
                executed++;
                task.run();
            }
        }
        now = Math.max(now, nanos);
    }

    /**
     * Runs tasks until none is left or {@code maxTasks} ran.
     *
     * @return the number of tasks run
     */
    public long runUntilIdle(long maxTasks) {
        long n = 0;
        while (n < maxTasks && runNext()) n++;
        return n;
    }

    /** Tasks waiting (cancelled ones included until their due time). */
    public int pending() {
        return queue.size();
    }

    /** Tasks run so far. */
    public long executed() {
        return executed;
    }
}
