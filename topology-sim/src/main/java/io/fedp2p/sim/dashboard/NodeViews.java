package io.fedp2p.sim.dashboard;

import io.fedp2p.node.dashboard.GraphEdge;
import io.fedp2p.node.dashboard.NodeMark;
import io.fedp2p.node.dashboard.PeerRow;
import io.fedp2p.node.engine.PeerOutcome;
import io.fedp2p.node.engine.RoundResult;
import io.fedp2p.robustness.NeighbourState;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.sim.core.SimulationStart;
import io.fedp2p.sim.topology.Topology;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Per-node state of a simulation as the dashboard shows it, kept from each node's round results: how its honest
 * neighbours rate it (RFFL reputation relative to the best-rated neighbour, removals) and what they did with its
 * messages, and its traffic. Simulation thread only.
 */
final class NodeViews {
    private final Topology topology;
    private final boolean[] byzantine;
    private final List<String> ids;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<SortedMap<PeerKey, NeighbourState>> states;
    private final long[] accepted;
    private final long[] rejected;
    private final String[] lastVerdict;
    private final long[] bytesIn;
    private final long[] bytesOut;
    private final long[] lastRound;

    NodeViews(SimulationStart start) {
        this.topology = start.topology();
        int n = topology.size();
        this.byzantine = new boolean[n];
        start.byzantine().forEach(b -> byzantine[b] = true);
        this.ids = start.peerIds();
        for (int i = 0; i < n; i++) index.put(ids.get(i), i);
        this.states = new ArrayList<>(Collections.nCopies(n, Collections.emptySortedMap()));
        this.accepted = new long[n];
        this.rejected = new long[n];
        this.lastVerdict = new String[n];
        this.bytesIn = new long[n];
        this.bytesOut = new long[n];
        this.lastRound = new long[n];
        java.util.Arrays.fill(lastRound, -1);
    }

    boolean byzantine(int i) {
        return byzantine[i];
    }

    /** Records node i's finished round. */
    void completed(int i, RoundResult r) {
        states.set(i, r.state().neighbours());
        lastRound[i] = Math.max(lastRound[i], r.round());
        bytesIn[i] += r.bytesReceived();
        bytesOut[i] += r.bytesSent();
        if (byzantine[i]) return; // only honest verdicts count
        for (PeerOutcome o : r.outcomes()) {
            Integer j = index.get(o.peerId());
            if (j == null) continue;
            if (o.accepted()) accepted[j]++;
            else rejected[j]++;
            lastVerdict[j] = o.reason();
        }
    }

    /** Honest nodes that have not finished round t yet (at most {@code limit}). */
    List<String> waitingFor(long t, int limit) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < byzantine.length && out.size() < limit; i++)
            if (!byzantine[i] && lastRound[i] < t) out.add(Integer.toString(i));
        return out;
    }

    /** Node j's mark: mean relative reputation over its honest neighbours; banned when most of them removed it. */
    NodeMark mark(int j) {
        PeerKey key = PeerKey.of(ids.get(j));
        double sum = 0;
        int rated = 0;
        int honest = 0;
        int removed = 0;
        for (int i : topology.neighbours(j)) {
            if (byzantine[i]) continue;
            honest++;
            NeighbourState s = states.get(i).get(key);
            if (s == null) continue;
            if (s.status() == NeighbourState.Status.BANNED) removed++;
            double top = 0;
            for (NeighbourState other : states.get(i).values()) top = Math.max(top, other.reputation());
            if (top > 0) {
                sum += Math.min(1, Math.max(0, s.reputation()) / top);
                rated++;
            }
        }
        boolean banned = 2 * removed > honest;
        String reason = banned ? "removed by RFFL at " + removed + " of " + honest + " honest neighbours" : null;
        return new NodeMark(Integer.toString(j), rated == 0 ? null : sum / rated, banned, reason);
    }

    /** The table row of node j (reputation column: its relative reputation). */
    PeerRow row(int j, NodeMark m) {
        return new PeerRow(
                ids.get(j),
                List.of("node " + j),
                m.reputation(),
                m.banned(),
                m.reason(),
                accepted[j],
                rejected[j],
                lastVerdict[j],
                bytesIn[j],
                bytesOut[j],
                true,
                byzantine[j]);
    }

    /**
     * The links with their traffic, estimated from per-node totals: a node sends each model to all its neighbours,
     * so each link carries about its share bytesOut/degree from either end.
     */
    List<GraphEdge> edges() {
        List<GraphEdge> out = new ArrayList<>();
        for (int[] e : topology.edges()) {
            long bytes = share(e[0]) + share(e[1]);
            out.add(new GraphEdge(Integer.toString(e[0]), Integer.toString(e[1]), bytes));
        }
        return out;
    }

    private long share(int i) {
        int d = topology.degree(i);
        return d == 0 ? 0 : bytesOut[i] / d;
    }
}
