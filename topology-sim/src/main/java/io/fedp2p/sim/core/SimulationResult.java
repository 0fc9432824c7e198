package io.fedp2p.sim.core;

import io.fedp2p.sim.report.RoundRecord;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one run: the per-round records and totals (all deterministic given the scenario), plus how much
 * work it took ({@link Work}, which is also deterministic, and is kept apart from wall-clock measurements).
 *
 * @param start the set-up
 * @param rounds one record per closed round, in order
 * @param virtualSeconds virtual time when the last engine stopped
 * @param bytesSent bytes all transports sent, evidence relay included
 * @param work event and training counts
 */
public record SimulationResult(
        SimulationStart start, List<RoundRecord> rounds, double virtualSeconds, long bytesSent, Work work) {
    public SimulationResult {
        Objects.requireNonNull(start, "start");
        rounds = List.copyOf(rounds);
        Objects.requireNonNull(work, "work");
    }

    /**
     * Counts of what the run did.
     *
     * @param events clock events executed
     * @param trainings local trainings computed
     * @param trainingBatches parallel batches they ran in
     * @param messagesLost messages the network model dropped
     * @param lateResults round results that arrived after their round closed
     * @param trainingFailures local trainings that failed (divergence)
     * @param equivocations equivocations proven by honest nodes
     */
    public record Work(
            long events,
            long trainings,
            long trainingBatches,
            long messagesLost,
            long lateResults,
            long trainingFailures,
            long equivocations) {}

    /** The last evaluated round's record, if any round was evaluated. */
    public RoundRecord lastEvaluated() {
        for (int i = rounds.size() - 1; i >= 0; i--) if (rounds.get(i).accuracy() != null) return rounds.get(i);
        return null;
    }
}
