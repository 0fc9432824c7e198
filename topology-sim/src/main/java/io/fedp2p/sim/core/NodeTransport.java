package io.fedp2p.sim.core;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.host.TrafficStats;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.EquivocationProof;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.gossip.transport.GossipTransport;
import io.fedp2p.gossip.transport.InMemoryTransport;
import io.fedp2p.gossip.transport.TransportListener;
import java.time.Duration;
import java.util.Collection;
import java.util.SortedSet;

/**
 * A simulated node's {@link GossipTransport}: the in-memory transport, kept across a crash so that the node's
 * restarted engine can attach to it again (a transport starts once; an engine starts its transport). While the node
 * is down its events go nowhere. Sent messages are reported to a {@link SentLog} when one is given (for
 * target-omniscient attacks). Simulation thread only.
 */
final class NodeTransport implements GossipTransport {
    /** Receives every message the node sends. */
    @FunctionalInterface
    interface SentLog {
        void sent(int node, ModelMessage message);
    }

    private final int node;
    private final InMemoryTransport inner;
    private final SentLog log;
    private TransportListener current;
    private boolean started;

    NodeTransport(int node, InMemoryTransport inner, SentLog log) {
        this.node = node;
        this.inner = inner;
        this.log = log;
    }

    @Override
    public PeerId localPeer() {
        return inner.localPeer();
    }

    /** Attaches an engine (its first call starts the in-memory transport). */
    @Override
    public void start(TransportListener listener) {
        current = listener;
        if (!started) {
            started = true;
            inner.start(new Forwarder());
        }
    }

    /** Detaches the engine: the node is down. */
    void detach() {
        current = null;
    }

    @Override
    public SortedSet<PeerId> neighbours() {
        return inner.neighbours();
    }

    @Override
    public void send(Collection<PeerId> recipients, ModelMessage message) {
        if (log != null) log.sent(node, message);
        inner.send(recipients, message);
    }

    @Override
    public float[] asReceived(float[] v) {
        return inner.asReceived(v);
    }

    @Override
    public TrafficStats traffic() {
        return inner.traffic();
    }

    @Override
    public void penalise(PeerId peer, FaultKind kind, String detail) {
        inner.penalise(peer, kind, detail);
    }

    @Override
    public void ban(PeerId peer, String reason, Duration duration) {
        inner.ban(peer, reason, duration);
    }

    @Override
    public boolean isBanned(PeerId peer) {
        return inner.isBanned(peer);
    }

    private final class Forwarder implements TransportListener {
        @Override
        public void onMessage(PeerId from, ModelMessage message) {
            if (current != null) current.onMessage(from, message);
        }

        @Override
        public void onNeighbourUp(PeerId peer) {
            if (current != null) current.onNeighbourUp(peer);
        }

        @Override
        public void onNeighbourDown(PeerId peer) {
            if (current != null) current.onNeighbourDown(peer);
        }

        @Override
        public void onEquivocation(EquivocationProof proof) {
            if (current != null) current.onEquivocation(proof);
        }

        @Override
        public void onFault(PeerId peer, FaultKind kind, String detail) {
            if (current != null) current.onFault(peer, kind, detail);
        }
    }
}
