package io.fedp2p.node.engine;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.EquivocationProof;

/** Receives the engine's events on its clock thread. Must not block for long (the engine waits). */
public interface EngineListener {
    /**
     * Called once per round before the first message of the round is signed and sent. A persistent node records
     * {@code round} durably here, so that after a crash it never signs a second, different message for a round it
     * already signed (which its neighbours would prove as equivocation).
     */
    default void beforeSigning(long round) {}

    default void onRoundStarted(long round) {}

    /** A round finished; the result's vectors belong to the listener. */
    default void onRoundCompleted(RoundResult result) {}

    /** An equivocation was proven and the offender banned by the transport. */
    default void onEquivocation(EquivocationProof proof) {}

    /** Training failed; the engine keeps its model and starts the next round. */
    default void onTrainingFailed(long round, Throwable failure) {}

    /** The engine jumped ahead to the round most neighbours are in. */
    default void onCatchUp(long fromRound, long toRound) {}

    /** The transport penalised a peer for a fault (for metrics). */
    default void onFault(PeerId peer, io.fedp2p.gossip.fault.FaultKind kind, String detail) {}

    /** A neighbour joined or left (for peer tables). */
    default void onNeighbour(PeerId peer, boolean up) {}

    /** The engine stopped (limit reached or {@link RoundEngine#stop()}). */
    default void onStopped(long nextRound) {}
}
