package io.fedp2p.sim.report;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One round of a simulation, over the honest nodes that completed it (one line of {@code metrics.jsonl}). Byzantine
 * nodes count only in the byte totals.
 *
 * @param round t (0-based)
 * @param virtualSeconds virtual time when the last honest node finished the round
 * @param completed honest nodes that finished the round
 * @param alive honest nodes up (not crashed, left or yet to join) when the round closed
 * @param accuracy test accuracy of the honest models x_{t+1} (null when the round was not evaluated)
 * @param testLoss their mean test loss (NaN when not evaluated)
 * @param trainLoss mean local training loss of the honest nodes
 * @param consensusDistance (1/m) Σ ‖x_i − x̄‖² over the m honest models
 * @param bytesSent bytes every node (honest and Byzantine) sent during its round t
 * @param accepted neighbour messages the honest nodes accepted at step 0
 * @param rejected neighbour messages they rejected, by reason ({@code silent}, {@code validation-norm}, ...)
 * @param mixingDeficit mean over honest nodes of the weight moved to self for silent or rejected neighbours
 */
public record RoundRecord(
        long round,
        double virtualSeconds,
        int completed,
        int alive,
        Stats accuracy,
        double testLoss,
        double trainLoss,
        double consensusDistance,
        long bytesSent,
        long accepted,
        SortedMap<String, Long> rejected,
        double mixingDeficit) {
    public RoundRecord {
        rejected = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(rejected, "rejected")));
    }

    /** Mean, minimum and maximum of a quantity over the honest nodes. */
    public record Stats(double mean, double min, double max) {
        /** The statistics of {@code values} (at least one). */
        public static Stats of(double[] values) {
            if (values.length == 0) throw new IllegalArgumentException("no values");
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return new Stats(sum / values.length, min, max);
        }
    }

    /** Total rejected messages. */
    public long rejectedTotal() {
        long n = 0;
        for (long v : rejected.values()) n += v;
        return n;
    }
}
