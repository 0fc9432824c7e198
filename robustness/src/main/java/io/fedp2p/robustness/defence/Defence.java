package io.fedp2p.robustness.defence;

import io.fedp2p.robustness.Evaluators;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.RoundInput;
import io.fedp2p.robustness.StepInput;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A whole mixing step of a DFedSAM-MGS round with a Byzantine defence (ALGORITHMS.md §8), one per column of the attack
 * matrix: the fedp2p pipeline or a single baseline rule. Per node per round the engine calls
 *
 * <pre>
 * MixOutcome o = defence.stepZero(input, state, evaluators, rng);          // z^{(1)} and the decisions
 * for q = 1..Q−1: o = defence.step(o.context(), stepInput(q), evaluators, rng);   // z^{(q+1)}
 * state = defence.endRound(o.context(), lastStepModels);                  // reputations, bans
 * </pre>
 *
 * Implementations are immutable and thread-safe: all per-round data lives in the {@link RoundContext} and the returned
 * {@link RobustnessState}. Inputs are never modified; all randomness comes from {@code rng}.
 */
public interface Defence {
    /** The name the CLI and the attack matrix use ({@code pipeline}, {@code krum}, ...). */
    String name();

    /** Step 0: screens the candidates and mixes θ into z^{(1)}. */
    MixOutcome stepZero(RoundInput input, RobustnessState state, Evaluators evaluators, RandomGenerator rng);

    /** MGS step q ≥ 1: guards and mixes z^{(q)} into z^{(q+1)} with what step 0 fixed. */
    MixOutcome step(RoundContext context, StepInput input, Evaluators evaluators, RandomGenerator rng);

    /**
     * End of the round (§8 step 8): the new persisted state.
     *
     * @param lastStepModels the neighbours' last-step iterates z_j^{(Q−1)} received this round (kept for next round's
     *     plausibility check; borrowed, not copied)
     */
    RobustnessState endRound(RoundContext context, Map<PeerKey, float[]> lastStepModels);
}
