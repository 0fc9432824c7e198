package io.fedp2p.gossip.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * A scheduler with its own notion of time. Every task runs on the clock's event thread, one at a time, in the order
 * of its due time and, for equal times, of scheduling: code driven by one clock is single-threaded and needs no
 * locks. {@link WallClock} runs in real time; {@link VirtualClock} jumps from event to event.
 */
public interface Clock {
    /** Nanoseconds since the clock started; monotonic. */
    long nanos();

    /** The current wall-clock instant (for a virtual clock: its start instant plus {@link #nanos()}). */
    Instant instant();

    /** Runs {@code task} after {@code delayNanos} (≥ 0) on the event thread. */
    Timer schedule(long delayNanos, Runnable task);

    default Timer schedule(Duration delay, Runnable task) {
        return schedule(delay.toNanos(), task);
    }

    /** Runs {@code task} on the event thread as soon as earlier tasks are done. May be called from any thread. */
    default void execute(Runnable task) {
        schedule(0, task);
    }

    /** A scheduled task. */
    interface Timer {
        /** Prevents the task from running if it has not started; idempotent. */
        void cancel();
    }
}
