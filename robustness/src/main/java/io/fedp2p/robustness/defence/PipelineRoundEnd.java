package io.fedp2p.robustness.defence;

import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.NeighbourState;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.RoundInput;
import io.fedp2p.robustness.reputation.Contributions;
import io.fedp2p.robustness.reputation.RfflReputation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * End of a pipeline round (ALGORITHMS.md §8 step 8, §4.6.4). Every neighbour that sent a step-0 message and is not
 * under a ban in force gets a contribution: ψ = −1 when it failed validation, the plausibility check or the guard at
 * q ≥ 1; otherwise the leave-one-out cosine {@code cos(Δ_j, Δ_i + Σ_{k∈A_i, k≠j} r_ik Δ_k)} over the accepted
 * neighbours still active, with the reputations of the round's start. The RFFL update then yields new reputations and
 * bans. Plausibility histories advance for every such neighbour, and the neighbours' last-step iterates of this round
 * replace the stored ones (the check only uses the previous round's, §4.6.4).
 *
 * <p>SPEC-GAP: validation failures also cost ψ = −1 (§8 only says "penalise peer"); a neighbour dropped at q ≥ 1 leaves
 * the leave-one-out sum of the others.
 */
final class PipelineRoundEnd {
    private PipelineRoundEnd() {}

    static RobustnessState apply(PipelineConfig config, RoundContext ctx, Map<PeerKey, float[]> lastStepModels) {
        RoundInput in = ctx.input();
        long round = in.round();
        RobustnessState state = ctx.state();
        List<Candidate> present = new ArrayList<>();
        for (Candidate c : in.candidates()) if (!state.isBanned(c.key(), round)) present.add(c);
        SortedMap<PeerKey, NeighbourState> neighbours;
        if (config.rffl().enabled()) {
            SortedMap<PeerKey, Double> psi = contributions(ctx, present);
            neighbours = new TreeMap<>(new RfflReputation(config.rffl())
                    .update(round, state.neighbours(), psi)
                    .neighbours());
        } else {
            neighbours = new TreeMap<>(state.neighbours());
            for (Candidate c : present) {
                neighbours.putIfAbsent(
                        c.key(), NeighbourState.joined(0, round, config.rffl().graceRounds()));
            }
        }
        if (config.validation().plausibility()) {
            for (Candidate c : present) {
                NeighbourState s = neighbours.get(c.key());
                neighbours.put(
                        c.key(),
                        s.withPlausibilityOutcome(ctx.plausibilityFailed().contains(c.key())));
            }
        }
        return state.with(neighbours, new TreeMap<>(lastStepModels));
    }

    static SortedMap<PeerKey, Double> contributions(RoundContext ctx, List<Candidate> present) {
        RobustnessState state = ctx.state();
        List<float[]> accepted = new ArrayList<>();
        List<Double> reputations = new ArrayList<>();
        Map<PeerKey, Integer> position = new TreeMap<>();
        for (Candidate c : ctx.input().candidates()) {
            if (!ctx.isActive(c.key())) continue;
            position.put(c.key(), accepted.size());
            accepted.add(c.delta());
            double r = state.neighbour(c.key())
                    .filter(s -> s.status() == NeighbourState.Status.ACTIVE)
                    .map(NeighbourState::reputation)
                    .orElse(0.0);
            reputations.add(r);
        }
        SortedMap<PeerKey, Double> psi = new TreeMap<>();
        List<float[]> scored = new ArrayList<>();
        List<PeerKey> scoredKeys = new ArrayList<>();
        for (Candidate c : present) {
            if (ctx.penalised().contains(c.key())) psi.put(c.key(), -1.0);
            else {
                scored.add(c.delta());
                scoredKeys.add(c.key());
            }
        }
        int[] pos = new int[scored.size()];
        for (int s = 0; s < pos.length; s++) pos[s] = position.getOrDefault(scoredKeys.get(s), -1);
        double[] r = reputations.stream().mapToDouble(Double::doubleValue).toArray();
        double[] values = Contributions.leaveOneOut(ctx.input().ownDelta(), accepted, r, scored, pos);
        for (int s = 0; s < values.length; s++) psi.put(scoredKeys.get(s), values[s]);
        return psi;
    }
}
