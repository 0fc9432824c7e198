package io.fedp2p.node.engine;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.ModelMessage;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Messages that arrived before this node reached their (round, step), kept per neighbour up to a bound (fedp2p
 * design: a faster neighbour's next step must not be lost; a flood must not grow memory). Clock thread only.
 */
final class EarlyMessages {
    private final int maxPerPeer;
    private final TreeMap<PeerId, ArrayDeque<ModelMessage>> byPeer = new TreeMap<>();

    EarlyMessages(int maxPerPeer) {
        this.maxPerPeer = maxPerPeer;
    }

    /** Keeps {@code m}; false when the peer's buffer is full. */
    boolean add(PeerId from, ModelMessage m) {
        ArrayDeque<ModelMessage> q = byPeer.computeIfAbsent(from, k -> new ArrayDeque<>());
        if (q.size() >= maxPerPeer) return false;
        q.add(m);
        return true;
    }

    /** Removes and returns the messages for (round, step), by sender. */
    SortedMap<PeerId, ModelMessage> take(long round, int step) {
        TreeMap<PeerId, ModelMessage> out = new TreeMap<>();
        for (var e : byPeer.entrySet()) {
            Iterator<ModelMessage> it = e.getValue().iterator();
            while (it.hasNext()) {
                ModelMessage m = it.next();
                if (m.round() == round && m.step() == step) {
                    out.putIfAbsent(e.getKey(), m);
                    it.remove();
                }
            }
        }
        return out;
    }

    /** The messages for (round, step), by sender, without removing them. */
    SortedMap<PeerId, ModelMessage> peek(long round, int step) {
        TreeMap<PeerId, ModelMessage> out = new TreeMap<>();
        for (var e : byPeer.entrySet()) {
            for (ModelMessage m : e.getValue()) {
                if (m.round() == round && m.step() == step) out.putIfAbsent(e.getKey(), m);
            }
        }
        return out;
    }

    /** Forgets messages for slots before (round, step). */
    void dropBefore(long round, int step) {
        for (ArrayDeque<ModelMessage> q : byPeer.values()) {
            q.removeIf(m -> m.round() < round || (m.round() == round && m.step() < step));
        }
        byPeer.values().removeIf(ArrayDeque::isEmpty);
    }

    void forget(PeerId peer) {
        byPeer.remove(peer);
    }

    int size() {
        int n = 0;
        for (ArrayDeque<ModelMessage> q : byPeer.values()) n += q.size();
        return n;
    }
}
