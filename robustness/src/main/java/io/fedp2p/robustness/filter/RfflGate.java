package io.fedp2p.robustness.filter;

import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.NeighbourState;
import io.fedp2p.robustness.Verdict;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The RFFL gate (ALGORITHMS.md §8 step 5a): rejects a neighbour whose removal is still in force. A neighbour whose ban
 * has expired passes as a re-admission probe (§4.6.4); its reputation is reset at the end of the round. Score:
 * {@code reputation} (NaN for neighbours not yet known).
 */
public final class RfflGate implements FilterStage {
    @Override
    public String name() {
        return "rffl-gate";
    }

    @Override
    public Screening screen(ScreeningContext ctx, Screening current, RandomGenerator rng) {
        List<Candidate> cs = ctx.input().candidates();
        long round = ctx.input().round();
        double[] reputation = new double[cs.size()];
        Screening s = current;
        for (int j = 0; j < cs.size(); j++) {
            var state = ctx.state().neighbour(cs.get(j).key());
            reputation[j] = state.map(NeighbourState::reputation).orElse(Double.NaN);
            if (state.isPresent() && state.get().isBanned(round)) {
                s = s.reject(
                        j,
                        Verdict.RFFL_BANNED,
                        "removed until round " + state.get().bannedUntilRound());
            }
        }
        return s.withScore("reputation", reputation);
    }
}
