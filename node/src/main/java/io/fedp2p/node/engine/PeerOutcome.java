package io.fedp2p.node.engine;

import java.util.Objects;

/**
 * What happened to one neighbour in one round: accepted (mixed at every step it took part in) or rejected, with a
 * stable machine-readable reason (a lower-case {@link io.fedp2p.robustness.Verdict} name with dashes, {@code silent}
 * for a neighbour whose step-0 message never came, {@value #INVALID_RANKING} for malformed FRL-native rankings, {@code accepted} for accepted ones) and the step it happened at.
 *
 * @param weight the weight w̃_ij it got at step 0 (0 when rejected; NaN for non-linear rules)
 * @param detail a human-readable explanation (may be empty)
 */
public record PeerOutcome(String peerId, boolean accepted, String reason, int step, double weight, String detail) {
    public static final String ACCEPTED = "accepted";
    public static final String SILENT = "silent";
    /** An FRL-native message whose rankings are not one permutation of 0..n_l−1 per layer (ALGORITHMS.md §3.9a). */
    public static final String INVALID_RANKING = "validation-ranking";

    public PeerOutcome {
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** The reason code of a robustness verdict, e.g. {@code VALIDATION_NORM} → {@code validation-norm}. */
    public static String code(io.fedp2p.robustness.Verdict v) {
        return v.accepted()
                ? ACCEPTED
                : v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
