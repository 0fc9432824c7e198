package io.fedp2p.robustness.reputation;

import io.fedp2p.robustness.NeighbourState;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.vector.RobustStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The end-of-round RFFL reputation update at node i (ALGORITHMS.md §4.1 as adapted in §4.6.1, §4.6.2 and §4.6.4).
 *
 * <ol>
 *   <li>Neighbours seen for the first time enter at the median reputation of the active ones (0 when there are none,
 *       so after the first round r = ψ/Σψ) with their own grace period; banned neighbours whose ban has expired and
 *       that are present again re-enter as a probe at β = coefficient/|R_i|, without a grace period.
 *   <li>Present neighbours: r ← α r + (1−α) ψ. Absent ones keep r.
 *   <li>Clamp r ← max(r, 0) (§4.6.1), normalise over the active neighbours (uniform if Σr = 0).
 *   <li>Past its grace period, a neighbour with r &lt; β is removed: banned for {@code banRounds} rounds, r = 0; then
 *       renormalise.
 * </ol>
 *
 * <p>fedp2p design (§4.6.4): reputations are over neighbours only, never over the node itself; a removed neighbour is
 * excluded for {@code banRounds} whole rounds after the one that removed it. SPEC-GAP: the re-admission probe gets no
 * new grace period, so one poor round removes it again. SPEC-GAP: absent
 * neighbours are neither decayed nor scored; they only take part in the normalisation.
 */
public final class RfflReputation {
    private final RfflConfig config;

    public RfflReputation(RfflConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    /** The new neighbour records and the neighbours removed this round. */
    public record Update(SortedMap<PeerKey, NeighbourState> neighbours, List<PeerKey> removed) {}

    /**
     * @param round t
     * @param previous records at the start of round t
     * @param psi contribution ψ_ij of every neighbour present this round and not under a ban in force
     */
    public Update update(long round, Map<PeerKey, NeighbourState> previous, Map<PeerKey, Double> psi) {
        TreeMap<PeerKey, NeighbourState> next = new TreeMap<>(previous);
        admit(round, next, new TreeMap<>(psi));
        for (Map.Entry<PeerKey, Double> e : new TreeMap<>(psi).entrySet()) {
            NeighbourState s = next.get(e.getKey());
            if (s.status() != NeighbourState.Status.ACTIVE) continue;
            double r = config.alpha() * s.reputation() + (1 - config.alpha()) * e.getValue();
            next.put(e.getKey(), s.withReputation(Math.max(0, r)));
        }
        normalise(next);
        List<PeerKey> removed = new ArrayList<>();
        double beta = beta(next);
        for (Map.Entry<PeerKey, NeighbourState> e : next.entrySet()) {
            NeighbourState s = e.getValue();
            if (s.status() == NeighbourState.Status.ACTIVE && round >= s.graceUntilRound() && s.reputation() < beta) {
                removed.add(e.getKey());
            }
        }
        for (PeerKey k : removed) next.put(k, next.get(k).banned(round + 1 + config.banRounds()));
        normalise(next);
        if (config.issue4Exact()) carryTanh(next);
        return new Update(java.util.Collections.unmodifiableSortedMap(next), List.copyOf(removed));
    }

    /** The reward fraction q_ij = tanh(a·r_ij / max_k r_ik) / tanh(a), or r/max r when a = 0 (§4.6.2). */
    public static double rewardFraction(double reputation, double maxReputation, double altruism) {
        if (!(maxReputation > 0)) return 0;
        double x = reputation / maxReputation;
        return altruism == 0 ? x : Math.tanh(altruism * x) / Math.tanh(altruism);
    }

    private void admit(long round, TreeMap<PeerKey, NeighbourState> next, SortedMap<PeerKey, Double> psi) {
        double[] active = next.values().stream()
                .filter(s -> s.status() == NeighbourState.Status.ACTIVE)
                .mapToDouble(NeighbourState::reputation)
                .toArray();
        double entry = active.length == 0 ? 0 : RobustStats.median(active);
        List<PeerKey> readmit = new ArrayList<>();
        for (PeerKey k : psi.keySet()) {
            NeighbourState s = next.get(k);
            if (s == null) next.put(k, NeighbourState.joined(entry, round, config.graceRounds()));
            else if (s.status() == NeighbourState.Status.BANNED && !s.isBanned(round)) readmit.add(k);
        }
        if (readmit.isEmpty()) return;
        long activeCount = next.values().stream()
                        .filter(s -> s.status() == NeighbourState.Status.ACTIVE)
                        .count()
                + readmit.size();
        double beta = config.thresholdCoefficient() / activeCount;
        for (PeerKey k : readmit) next.put(k, next.get(k).readmitted(beta, round));
    }

    private double beta(SortedMap<PeerKey, NeighbourState> states) {
        long active = states.values().stream()
                .filter(s -> s.status() == NeighbourState.Status.ACTIVE)
                .count();
        return active == 0 ? 0 : config.thresholdCoefficient() / active;
    }

    private static void normalise(TreeMap<PeerKey, NeighbourState> states) {
        double sum = 0;
        int active = 0;
        for (NeighbourState s : states.values()) {
            if (s.status() == NeighbourState.Status.ACTIVE) {
                sum += s.reputation();
                active++;
            }
        }
        if (active == 0) return;
        for (Map.Entry<PeerKey, NeighbourState> e : states.entrySet()) {
            NeighbourState s = e.getValue();
            if (s.status() != NeighbourState.Status.ACTIVE) continue;
            e.setValue(s.withReputation(sum > 0 ? s.reputation() / sum : 1.0 / active));
        }
    }

    /** The tracker's issue-4 lines, carried into r: r ← r/max r; r ← tanh(a·r); r ← r/max r. */
    private void carryTanh(TreeMap<PeerKey, NeighbourState> states) {
        double max = 0;
        for (NeighbourState s : states.values()) max = Math.max(max, s.reputation());
        if (!(max > 0)) return;
        double maxT = 0;
        for (NeighbourState s : states.values())
            maxT = Math.max(maxT, Math.tanh(config.altruism() * s.reputation() / max));
        if (!(maxT > 0)) return;
        for (Map.Entry<PeerKey, NeighbourState> e : states.entrySet()) {
            NeighbourState s = e.getValue();
            if (s.status() != NeighbourState.Status.ACTIVE) continue;
            e.setValue(s.withReputation(Math.tanh(config.altruism() * s.reputation() / max) / maxT));
        }
    }
}
