package io.fedp2p.gossip.transport;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.EquivocationProof;
import io.fedp2p.gossip.protocol.ModelMessage;

/** Receives a {@link GossipTransport}'s events on its clock's event thread. Must not block. */
public interface TransportListener {
    /** A message that passed every check of {@link io.fedp2p.gossip.protocol.GossipInbox}. */
    void onMessage(PeerId from, ModelMessage message);

    /** {@code peer} became a neighbour. */
    default void onNeighbourUp(PeerId peer) {}

    /** {@code peer} is no longer a neighbour (disconnected or banned). */
    default void onNeighbourDown(PeerId peer) {}

    /** An equivocation was proven (the transport has banned the offender already). */
    default void onEquivocation(EquivocationProof proof) {}

    /** A peer fault was detected and penalised (for logs and metrics). */
    default void onFault(PeerId peer, io.fedp2p.gossip.fault.FaultKind kind, String detail) {}
}
