package io.fedp2p.node.dashboard;

import java.util.List;
import java.util.Objects;

/**
 * Where the run is now.
 *
 * @param round the round in progress (or the next one when finished)
 * @param totalRounds planned rounds, 0 when unbounded
 * @param phase {@code idle}, {@code training}, {@code exchange}, {@code stopped} (node) or {@code running},
 *     {@code finished} (simulation)
 * @param step the gossip step in progress (0 while training)
 * @param steps gossip steps per round Q (0 when unknown)
 * @param waitingFor neighbours whose message for the current step has not arrived yet
 */
public record Progress(long round, long totalRounds, String phase, int step, int steps, List<String> waitingFor) {
    public Progress {
        Objects.requireNonNull(phase, "phase");
        waitingFor = List.copyOf(waitingFor);
    }
}
