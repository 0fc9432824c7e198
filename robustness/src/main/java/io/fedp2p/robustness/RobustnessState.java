package io.fedp2p.robustness;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The per-neighbour state a node carries from round to round: one {@link NeighbourState} per neighbour ever seen, and
 * each neighbour's last-step iterate z_j^{(Q−1)} of the previous round for the plausibility check (§4.6.4). Immutable;
 * defences return a new instance from {@code endRound}. The vectors are borrowed references (not copied); the node
 * decides how, and whether, to persist them.
 */
public final class RobustnessState {
    private static final RobustnessState INITIAL = new RobustnessState(new TreeMap<>(), new TreeMap<>());

    private final SortedMap<PeerKey, NeighbourState> neighbours;
    private final SortedMap<PeerKey, float[]> lastStepModels;

    private RobustnessState(SortedMap<PeerKey, NeighbourState> neighbours, SortedMap<PeerKey, float[]> lastStep) {
        this.neighbours = Collections.unmodifiableSortedMap(neighbours);
        this.lastStepModels = Collections.unmodifiableSortedMap(lastStep);
    }

    /** No neighbour known yet. */
    public static RobustnessState initial() {
        return INITIAL;
    }

    /** Restores persisted state. */
    public static RobustnessState of(Map<PeerKey, NeighbourState> neighbours, Map<PeerKey, float[]> lastStepModels) {
        return new RobustnessState(new TreeMap<>(neighbours), new TreeMap<>(lastStepModels));
    }

    /** Every known neighbour, in key order. */
    public SortedMap<PeerKey, NeighbourState> neighbours() {
        return neighbours;
    }

    public Optional<NeighbourState> neighbour(PeerKey key) {
        return Optional.ofNullable(neighbours.get(key));
    }

    /** z_j^{(Q−1)} of the previous round, when this node received it. */
    public Optional<float[]> lastStepModel(PeerKey key) {
        return Optional.ofNullable(lastStepModels.get(key));
    }

    /** The stored last-step iterates, in key order. */
    public SortedMap<PeerKey, float[]> lastStepModels() {
        return lastStepModels;
    }

    /** A copy with other neighbour records and last-step iterates. */
    public RobustnessState with(Map<PeerKey, NeighbourState> newNeighbours, Map<PeerKey, float[]> newLastStep) {
        return of(newNeighbours, newLastStep);
    }

    /**
     * Neighbours removed between {@code before} and this state (now banned, and not banned with the same end before),
     * in key order: what the node reports to its peer scorer after {@code endRound} (§4.6.4).
     */
    public java.util.List<PeerKey> removedSince(RobustnessState before) {
        java.util.List<PeerKey> out = new java.util.ArrayList<>();
        for (Map.Entry<PeerKey, NeighbourState> e : neighbours.entrySet()) {
            NeighbourState now = e.getValue();
            NeighbourState was = before.neighbours.get(e.getKey());
            boolean newBan = was == null
                    || was.status() != NeighbourState.Status.BANNED
                    || was.bannedUntilRound() != now.bannedUntilRound();
            if (now.status() == NeighbourState.Status.BANNED && newBan) out.add(e.getKey());
        }
        return out;
    }

    /** True when {@code key} is banned in {@code round}. */
    public boolean isBanned(PeerKey key, long round) {
        NeighbourState s = neighbours.get(key);
        return s != null && s.isBanned(round);
    }
}
