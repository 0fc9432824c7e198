package io.fedp2p.node.engine;

import io.fedp2p.gossip.identity.PeerId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * Tracks the newest round each neighbour was seen in, so that a node that fell behind (restart, long pause) jumps to
 * where its neighbours are instead of timing out round after round (fedp2p design, ALGORITHMS.md §1.6 #5). Only a
 * majority of the current neighbours can move the node: a Byzantine minority announcing huge round numbers cannot.
 * Clock thread only.
 */
final class CatchUp {
    private final TreeMap<PeerId, Long> newest = new TreeMap<>();

    void seen(PeerId peer, long round) {
        newest.merge(peer, round, Math::max);
    }

    void forget(PeerId peer) {
        newest.remove(peer);
    }

    /**
     * The largest round r such that more than half of {@code neighbours} were seen in round r or later; {@code -1}
     * when there are no neighbours.
     */
    long majorityRound(Collection<PeerId> neighbours) {
        if (neighbours.isEmpty()) return -1;
        List<Long> rounds = new ArrayList<>();
        for (PeerId p : neighbours) rounds.add(newest.getOrDefault(p, -1L));
        Collections.sort(rounds, Collections.reverseOrder());
        // more than half have round >= rounds[k] for k = floor(n/2)
        return rounds.get(neighbours.size() / 2);
    }
}
