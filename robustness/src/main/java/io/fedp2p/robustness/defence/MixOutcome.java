package io.fedp2p.robustness.defence;

import io.fedp2p.robustness.CandidateDecision;
import java.util.List;
import java.util.Objects;

/**
 * The result of one mixing step: the mixed vector (z^{(1)} at step 0, z^{(q+1)} at step q), a decision per candidate in
 * key order, the weight the own vector got in a linear mix (NaN for non-linear rules), the context to pass to the next
 * step and to {@code endRound}, and notes (skipped stages, reduced parameters). The mixed vector belongs to the caller.
 */
public final class MixOutcome {
    private final float[] mixed;
    private final List<CandidateDecision> decisions;
    private final double selfWeight;
    private final RoundContext context;
    private final List<String> notes;

    public MixOutcome(
            float[] mixed,
            List<CandidateDecision> decisions,
            double selfWeight,
            RoundContext context,
            List<String> notes) {
        this.mixed = Objects.requireNonNull(mixed, "mixed");
        this.decisions = List.copyOf(decisions);
        this.selfWeight = selfWeight;
        this.context = Objects.requireNonNull(context, "context");
        this.notes = List.copyOf(notes);
    }

    public float[] mixed() {
        return mixed;
    }

    public List<CandidateDecision> decisions() {
        return decisions;
    }

    /** w̃_ii, or NaN when the rule is not a weighted average. */
    public double selfWeight() {
        return selfWeight;
    }

    public RoundContext context() {
        return context;
    }

    public List<String> notes() {
        return notes;
    }

    /** Decisions of accepted candidates. */
    public List<CandidateDecision> accepted() {
        return decisions.stream().filter(CandidateDecision::accepted).toList();
    }

    /** Decisions of rejected candidates. */
    public List<CandidateDecision> rejected() {
        return decisions.stream().filter(d -> !d.accepted()).toList();
    }
}
