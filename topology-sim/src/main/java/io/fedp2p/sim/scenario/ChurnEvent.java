package io.fedp2p.sim.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A churn event: at a virtual time, or when the first node starts a given round, {@code count} nodes chosen with the
 * run's churn stream crash (and come back after {@code downtime} with the state of their last completed round), leave
 * for good, or join (late joiners are absent from the start and begin from a neighbour's model, ALGORITHMS.md §1.6
 * #5).
 *
 * @param round the round whose start triggers the event, or −1 when {@code at} is given
 * @param at the virtual time of the event, or null when {@code round} is given
 * @param kind what happens
 * @param count how many nodes
 * @param downtime how long crashed nodes stay down (crash only; null otherwise)
 */
public record ChurnEvent(long round, Duration at, Kind kind, int count, Duration downtime) {
    /** What a churn event does. */
    public enum Kind {
        CRASH,
        LEAVE,
        JOIN;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ChurnEvent {
        Objects.requireNonNull(kind, "kind");
        if ((round >= 0) == (at != null)) throw new IllegalArgumentException("give exactly one of round and at");
        if (count < 1) throw new IllegalArgumentException("count must be >= 1");
        if ((kind == Kind.CRASH) != (downtime != null)) {
            throw new IllegalArgumentException("downtime is required for crash and only for crash");
        }
        if (downtime != null && (downtime.isZero() || downtime.isNegative())) {
            throw new IllegalArgumentException("downtime must be positive");
        }
    }
}
