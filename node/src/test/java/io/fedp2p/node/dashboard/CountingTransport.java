package io.fedp2p.node.dashboard;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.host.TrafficStats;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.gossip.transport.GossipTransport;
import io.fedp2p.gossip.transport.TransportListener;
import java.time.Duration;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeMap;

/** A transport that also counts the bytes it sends to each peer (for the dashboard's edge traffic). */
final class CountingTransport implements GossipTransport {
    private final GossipTransport inner;
    final TreeMap<PeerId, Long> sentTo = new TreeMap<>();

    CountingTransport(GossipTransport inner) {
        this.inner = inner;
    }

    @Override
    public PeerId localPeer() {
        return inner.localPeer();
    }

    @Override
    public void start(TransportListener listener) {
        inner.start(listener);
    }

    @Override
    public SortedSet<PeerId> neighbours() {
        return inner.neighbours();
    }

    @Override
    public void send(Collection<PeerId> recipients, ModelMessage message) {
        long before = inner.traffic().bytesOut();
        inner.send(recipients, message);
        if (recipients.isEmpty()) return;
        long each = (inner.traffic().bytesOut() - before) / recipients.size();
        for (PeerId p : recipients) sentTo.merge(p, each, Long::sum);
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
}
