package io.fedp2p.robustness;

/**
 * A machine-readable decision about one candidate at one gossip step: {@link #ACCEPTED} or the stage that rejected it.
 * The names are stable: they appear in {@code metrics.jsonl} and the {@code aggregate} command's output.
 */
public enum Verdict {
    /** Used in the mix (possibly down-weighted or clipped). */
    ACCEPTED(false),
    /** Wrong number of values (§8 step 4). */
    VALIDATION_DIMENSION(true),
    /** A NaN or infinity in θ or Δ (§8 step 4). */
    VALIDATION_NON_FINITE(true),
    /** A step-0 message without the sender's delta, which the pipeline requires (§4.6.4). */
    VALIDATION_MISSING_DELTA(true),
    /** ‖Δ_j‖ above the relative bound or the hard cap (§8 step 4). */
    VALIDATION_NORM(true),
    /** Delta/model consistency failed in 3 of the last 5 rounds (§4.6.4). */
    VALIDATION_PLAUSIBILITY(true),
    /** Removed by RFFL reputation and still within its ban (§4.6.4, §8 step 5a). */
    RFFL_BANNED(false),
    /** Not sampled by Bristle's distance-based prioritizer (§2.2, §8 step 5b). */
    BRISTLE_PRIORITIZER(false),
    /** Rank outlier in the FRL rank-vote filter (§3.9b, §8 step 5c). */
    FRL_RANK_OUTLIER(false),
    /** Bristle integrator weight Ω_j = 0 in hard mode (§2.3, §8 step 5d). */
    BRISTLE_SCORE(false),
    /** Failed validation or sat beyond the guard radius at an MGS step q ≥ 1; dropped for the rest of the round. */
    GUARD_DROPPED(false),
    /** Sent at q ≥ 1 although it was not accepted at step 0 (or was dropped since). */
    NOT_IN_ACCEPTED_SET(false),
    /** Not among the vectors Krum / Multi-Krum selected (§5.3). */
    KRUM_NOT_SELECTED(false),
    /** Too few vectors for Krum's bound m ≥ 2f + 3, so only the own model is kept. */
    KRUM_TOO_FEW(false),
    /** BALANCE's distance test failed (§5.2). */
    BALANCE_DISTANCE(false),
    /** Not among Mozi's k nearest (§5.7 stage 1). */
    MOZI_DISTANCE(false),
    /** Mozi minibatch loss above the own model's (§5.7 stage 2). */
    MOZI_LOSS(false);

    private final boolean validation;

    Verdict(boolean validation) {
        this.validation = validation;
    }

    public boolean accepted() {
        return this == ACCEPTED;
    }

    /** True for malformed or implausible messages: the node penalises the peer and RFFL scores ψ = −1. */
    public boolean isValidationFailure() {
        return validation;
    }
}
