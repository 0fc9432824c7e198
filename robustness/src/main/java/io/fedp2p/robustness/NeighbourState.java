package io.fedp2p.robustness;

/**
 * What node i remembers about neighbour j between rounds (ALGORITHMS.md §4.6.4): its RFFL reputation r_ij, the round
 * from which the removal threshold applies to it (grace period), its ban, and its recent plausibility failures. The
 * node persists these records (e.g. as JSON) and hands them back through {@link RobustnessState}.
 *
 * @param reputation r_ij ≥ 0; reputations over the active neighbours sum to 1 once the first round is scored
 * @param graceUntilRound the threshold test applies from this round on
 * @param status {@link Status#BANNED} once removed, until re-admitted after the ban
 * @param bannedUntilRound while {@code round < bannedUntilRound} a banned neighbour is rejected
 * @param plausibilityHistory bit k set when the plausibility check failed k rounds before the last scored round
 */
public record NeighbourState(
        double reputation, long graceUntilRound, Status status, long bannedUntilRound, int plausibilityHistory) {

    /** Active or removed. */
    public enum Status {
        ACTIVE,
        BANNED
    }

    /** Plausibility failures count over this many recent rounds (§4.6.4: 3 of the last 5). */
    public static final int PLAUSIBILITY_WINDOW = 5;

    public NeighbourState {
        if (!(reputation >= 0) || Double.isInfinite(reputation)) {
            throw new IllegalArgumentException("reputation must be finite and >= 0, got " + reputation);
        }
        java.util.Objects.requireNonNull(status, "status");
        plausibilityHistory &= (1 << PLAUSIBILITY_WINDOW) - 1;
    }

    /** A neighbour first seen in {@code round}, entering at {@code reputation} with a grace period. */
    public static NeighbourState joined(double reputation, long round, int graceRounds) {
        return new NeighbourState(reputation, round + graceRounds, Status.ACTIVE, Long.MIN_VALUE, 0);
    }

    /** True while a ban is in force in {@code round}. */
    public boolean isBanned(long round) {
        return status == Status.BANNED && round < bannedUntilRound;
    }

    /** Failures within the window, counting this round's outcome {@code failedNow}. */
    public int plausibilityFailuresWith(boolean failedNow) {
        int window = ((plausibilityHistory << 1) | (failedNow ? 1 : 0)) & ((1 << PLAUSIBILITY_WINDOW) - 1);
        return Integer.bitCount(window);
    }

    public NeighbourState withReputation(double r) {
        return new NeighbourState(r, graceUntilRound, status, bannedUntilRound, plausibilityHistory);
    }

    /** Shifts this round's plausibility outcome into the history. */
    public NeighbourState withPlausibilityOutcome(boolean failed) {
        return new NeighbourState(
                reputation, graceUntilRound, status, bannedUntilRound, (plausibilityHistory << 1) | (failed ? 1 : 0));
    }

    /** Removed with reputation 0 until {@code untilRound}. */
    public NeighbourState banned(long untilRound) {
        return new NeighbourState(0, graceUntilRound, Status.BANNED, untilRound, plausibilityHistory);
    }

    /** Re-admitted as a probe at reputation {@code r}, without a new grace period. */
    public NeighbourState readmitted(double r, long round) {
        return new NeighbourState(r, round, Status.ACTIVE, Long.MIN_VALUE, plausibilityHistory);
    }
}
