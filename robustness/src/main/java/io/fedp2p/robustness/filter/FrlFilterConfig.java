package io.fedp2p.robustness.filter;

/**
 * FRL rank-vote filter settings (ALGORITHMS.md §3.9b).
 *
 * @param enabled run the stage
 * @param kappa κ_FRL in MAD units (3)
 * @param madFloor floor on the MAD (0.01), so that identical updates do not reject everything above the median
 * @param minCandidates never reject when fewer candidates than this enter the stage (3). SPEC-GAP: §3.9b's "never
 *     reject if fewer than 3 candidates remain" is read as: the stage rejects nothing when fewer than 3 reach it
 * @param blockThreshold from this dimension on, rank blocks of coordinates by their mean (10^5)
 * @param maxRankedItems fedp2p design (§3.9b leaves the block size open): blocks are the smallest power of two that
 *     leaves at most this many items to rank (65,536)
 * @param consensusMask keep the own value at coordinates outside the consensus top and bottom {@code maskFraction}
 * @param maskFraction k_mask, the fraction of ranked items agreed at each end (0.1)
 */
public record FrlFilterConfig(
        boolean enabled,
        double kappa,
        double madFloor,
        int minCandidates,
        int blockThreshold,
        int maxRankedItems,
        boolean consensusMask,
        double maskFraction) {

    public static final FrlFilterConfig DEFAULTS = new FrlFilterConfig(true, 3, 0.01, 3, 100_000, 1 << 16, false, 0.1);

    public FrlFilterConfig {
        if (!(kappa >= 0)) throw new IllegalArgumentException("frl kappa must be >= 0, got " + kappa);
        if (!(madFloor >= 0)) throw new IllegalArgumentException("frl MAD floor must be >= 0");
        if (minCandidates < 1) throw new IllegalArgumentException("frl min candidates must be >= 1");
        if (blockThreshold < 1 || maxRankedItems < 1)
            throw new IllegalArgumentException("frl block sizes must be >= 1");
        if (!(maskFraction > 0 && maskFraction <= 0.5))
            throw new IllegalArgumentException("k_mask must be in (0, 0.5]");
    }

    public FrlFilterConfig withEnabled(boolean on) {
        return new FrlFilterConfig(
                on, kappa, madFloor, minCandidates, blockThreshold, maxRankedItems, consensusMask, maskFraction);
    }

    public FrlFilterConfig withKappa(double k) {
        return new FrlFilterConfig(
                enabled, k, madFloor, minCandidates, blockThreshold, maxRankedItems, consensusMask, maskFraction);
    }

    public FrlFilterConfig withBlocks(int threshold, int maxItems) {
        return new FrlFilterConfig(
                enabled, kappa, madFloor, minCandidates, threshold, maxItems, consensusMask, maskFraction);
    }

    public FrlFilterConfig withConsensusMask(boolean on, double fraction) {
        return new FrlFilterConfig(
                enabled, kappa, madFloor, minCandidates, blockThreshold, maxRankedItems, on, fraction);
    }

    /** Coordinates per ranked item for dimension d: 1 below the threshold, else the smallest fitting power of two. */
    public int blockSize(int d) {
        if (d < blockThreshold) return 1;
        int b = 1;
        while ((d + b - 1) / b > maxRankedItems) b <<= 1;
        return b;
    }
}
