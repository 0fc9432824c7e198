package io.fedp2p.robustness.filter;

import java.util.random.RandomGenerator;

/**
 * One step-0 filter stage of ALGORITHMS.md §8 step 5, the pure function {@code (own, candidates, state, rng) →
 * (accepted, weights, newState)}: it reads the round's input and the persisted state from the {@link ScreeningContext},
 * takes the screening so far, and returns a new one in which it may only reject candidates that are still accepted or
 * lower their acceptance weight a_ij, never re-admit one. Stages are immutable and thread-safe; all randomness comes
 * from {@code rng}. State changes are recorded in the screening (e.g. plausibility failures) and applied to the
 * persisted state at the end of the round.
 */
public interface FilterStage {
    /** A short stable name ({@code validation}, {@code rffl-gate}, {@code bristle-prioritizer}, ...). */
    String name();

    Screening screen(ScreeningContext context, Screening current, RandomGenerator rng);
}
