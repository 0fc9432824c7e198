package io.fedp2p.robustness.filter;

import io.fedp2p.robustness.Evaluators;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.RoundInput;
import java.util.Objects;

/**
 * The read-only inputs of a step-0 screening: the round's vectors, the persisted state at the round's start, the model
 * callbacks, and whether a later stage needs every candidate's delta (then a message without one is rejected).
 */
public record ScreeningContext(RoundInput input, RobustnessState state, Evaluators evaluators, boolean deltaRequired) {
    public ScreeningContext {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(evaluators, "evaluators");
    }
}
