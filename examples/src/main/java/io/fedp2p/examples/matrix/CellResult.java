package io.fedp2p.examples.matrix;

import io.fedp2p.sim.report.RoundRecord;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of one cell: the honest nodes' test accuracy after the last round, and what their defences did over the
 * whole run (deterministic given the scenario; wall time is kept apart, in {@code run.json}).
 *
 * @param attack the row's {@link MatrixRow#name()}
 * @param defence the column's {@link MatrixColumn#name()}
 * @param byzantineFraction the fraction asked for
 * @param byzantine f, the number of Byzantine nodes it gave
 * @param honestAccuracy mean, min and max over the honest nodes after the last round
 * @param accepted neighbour messages the honest nodes accepted at step 0, summed over rounds
 * @param rejected the messages they rejected, by reason, summed over rounds
 * @param mixingDeficit mean over rounds of the honest nodes' mean mixing deficit
 * @param consensusDistance honest consensus distance after the last round
 */
public record CellResult(
        String attack,
        String defence,
        double byzantineFraction,
        int byzantine,
        RoundRecord.Stats honestAccuracy,
        long accepted,
        SortedMap<String, Long> rejected,
        double mixingDeficit,
        double consensusDistance) {
    public CellResult {
        Objects.requireNonNull(attack, "attack");
        Objects.requireNonNull(defence, "defence");
        Objects.requireNonNull(honestAccuracy, "honestAccuracy");
        rejected = Collections.unmodifiableSortedMap(new TreeMap<>(rejected));
    }

    /** Total rejected messages. */
    public long rejectedTotal() {
        long n = 0;
        for (long v : rejected.values()) n += v;
        return n;
    }
}
