package io.fedp2p.gossip.transport;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.host.TrafficStats;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.ModelMessage;
import java.time.Duration;
import java.util.Collection;
import java.util.SortedSet;

/**
 * What the round engine needs from the network: its neighbours, sending a model message, receiving them (through the
 * {@link TransportListener}), and penalising or banning peers. Implementations sign and verify (libp2p always, the
 * in-memory transport in wire-fidelity mode), drop replays, detect equivocation and ban equivocators themselves.
 *
 * <p><b>Threading.</b> Every method must be called on the transport's {@link io.fedp2p.gossip.clock.Clock} event thread,
 * and every listener callback runs there.
 */
public interface GossipTransport {
    PeerId localPeer();

    /** Starts delivering events to {@code listener}; call once. */
    void start(TransportListener listener);

    /** Current neighbours (connected, speaking the gossip protocol, not banned), in peer-id order. */
    SortedSet<PeerId> neighbours();

    /**
     * Sends one message to each recipient, asynchronously and unreliably: a recipient that is gone or too slow simply
     * does not get it. The message's arrays must not be modified afterwards.
     */
    void send(Collection<PeerId> recipients, ModelMessage message);

    /** The values a recipient decodes from {@code v} (the quantisation round trip; {@code v} itself for float32). */
    float[] asReceived(float[] v);

    /** Bytes sent and received since the transport started (all peers, framing included where known). */
    TrafficStats traffic();

    /** Reports a fault found above the transport (e.g. an invalid model); may lead to a ban. */
    void penalise(PeerId peer, FaultKind kind, String detail);

    /** Bans {@code peer} for {@code duration}: disconnects it and refuses it until then. */
    void ban(PeerId peer, String reason, Duration duration);

    boolean isBanned(PeerId peer);
}
