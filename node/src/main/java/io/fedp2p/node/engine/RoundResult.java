package io.fedp2p.node.engine;

import io.fedp2p.robustness.RobustnessState;
import java.util.List;
import java.util.Objects;

/**
 * One finished round of one node: the new model x_{t+1}, the robustness state after the RFFL update, what happened
 * to each neighbour, the mixing deficit (ALGORITHMS.md §1.6 #2) and the cost. Times are clock nanoseconds.
 *
 * @param round t
 * @param model x_{t+1} = z^{(Q)} (owned by the receiver)
 * @param state the robustness state to persist
 * @param degree the degree this node announced
 * @param outcomes one per neighbour of the round, in peer-id order
 * @param stepDeficits per step q, the W weight of expected neighbours that were silent or rejected at q (moved to
 *     self)
 * @param trainLoss mean training loss of the K local steps
 * @param trainNanos time from the round start to the end of local training
 * @param mixNanos time spent in the defence's mixing steps (the round's other local computation)
 * @param roundNanos time from the round start to the end of the last mixing step
 * @param bytesSent bytes the transport sent during the round
 * @param bytesReceived bytes it received
 * @param notes remarks from the defence (skipped stages, reduced parameters) and the engine
 */
public record RoundResult(
        long round,
        float[] model,
        RobustnessState state,
        int degree,
        List<PeerOutcome> outcomes,
        double[] stepDeficits,
        double trainLoss,
        long trainNanos,
        long mixNanos,
        long roundNanos,
        long bytesSent,
        long bytesReceived,
        List<String> notes) {
    public RoundResult {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(state, "state");
        outcomes = List.copyOf(outcomes);
        notes = List.copyOf(notes);
    }

    /** The mean over steps of the weight moved to self for silent or rejected neighbours. */
    public double mixingDeficit() {
        double s = 0;
        for (double d : stepDeficits) s += d;
        return stepDeficits.length == 0 ? 0 : s / stepDeficits.length;
    }

    public List<PeerOutcome> accepted() {
        return outcomes.stream().filter(PeerOutcome::accepted).toList();
    }

    public List<PeerOutcome> rejected() {
        return outcomes.stream().filter(o -> !o.accepted()).toList();
    }
}
