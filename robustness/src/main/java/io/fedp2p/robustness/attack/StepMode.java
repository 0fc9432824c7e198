package io.fedp2p.robustness.attack;

import java.util.Locale;

/** At which MGS steps an attack is active (ALGORITHMS.md §6, fedp2p specifics). */
public enum StepMode {
    /** Every step (default). */
    ALL,
    /** Step 0 only. */
    Q0,
    /** Steps q ≥ 1 only: honest at step 0 to pass the filters, then poison ("bait-and-switch"). */
    Q_GE_1;

    /** Whether the attack is active at step q. */
    public boolean activeAt(int step) {
        return switch (this) {
            case ALL -> true;
            case Q0 -> step == 0;
            case Q_GE_1 -> step >= 1;
        };
    }

    /** Parses {@code all}, {@code q0}, {@code q>=1} (also {@code q≥1}, {@code q1+}). */
    public static StepMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "all" -> ALL;
            case "q0" -> Q0;
            case "q>=1", "q≥1", "q1+" -> Q_GE_1;
            default -> throw new IllegalArgumentException("steps must be all, q0 or q>=1, got '" + text + "'");
        };
    }
}
