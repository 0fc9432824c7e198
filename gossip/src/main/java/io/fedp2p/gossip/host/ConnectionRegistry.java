package io.fedp2p.gossip.host;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.identity.PeerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Channels in their handshake and authenticated connections by peer, with the connection limits of {@link
 * WireLimits}. Thread-safe (one lock; every operation is short).
 */
final class ConnectionRegistry {
    private final WireLimits limits;
    private final Map<PeerId, List<ConnectionImpl>> byPeer = new HashMap<>();
    private int channels;
    private int handshaking;

    ConnectionRegistry(WireLimits limits) {
        this.limits = limits;
    }

    /** Admits a new channel (inbound or outbound); false when the total or handshake limit is reached. */
    synchronized boolean admitChannel() {
        if (channels >= limits.maxConnections() || handshaking >= limits.maxPendingHandshakes()) {
            return false;
        }
        channels++;
        handshaking++;
        return true;
    }

    /** Registers an authenticated connection; a peer over its per-peer limit is refused. */
    synchronized void addAuthenticated(ConnectionImpl c) {
        List<ConnectionImpl> list = byPeer.computeIfAbsent(c.remotePeer(), p -> new ArrayList<>());
        if (list.size() >= limits.maxConnectionsPerPeer()) {
            if (list.isEmpty()) {
                byPeer.remove(c.remotePeer());
            }
            throw new PeerFault(
                    FaultKind.RATE_LIMIT, "more than " + limits.maxConnectionsPerPeer() + " connections from one peer");
        }
        list.add(c);
    }

    synchronized void handshakeDone() {
        handshaking--;
    }

    /** Forgets a closed channel and, if it got that far, its connection. */
    synchronized void channelClosed(ConnectionImpl c, boolean wasHandshaking) {
        channels--;
        if (wasHandshaking) {
            handshaking--;
        }
        if (c != null) {
            List<ConnectionImpl> list = byPeer.get(c.remotePeer());
            if (list != null && list.remove(c) && list.isEmpty()) {
                byPeer.remove(c.remotePeer());
            }
        }
    }

    synchronized List<Connection> ready(PeerId peer) {
        List<Connection> out = new ArrayList<>();
        for (ConnectionImpl c : byPeer.getOrDefault(peer, List.of())) {
            if (c.isReady() && c.isOpen()) {
                out.add(c);
            }
        }
        return out;
    }

    /** All ready connections, ordered by peer id. */
    synchronized List<Connection> all() {
        List<Connection> out = new ArrayList<>();
        for (List<ConnectionImpl> list : new TreeMap<>(byPeer).values()) {
            for (ConnectionImpl c : list) {
                if (c.isReady() && c.isOpen()) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
