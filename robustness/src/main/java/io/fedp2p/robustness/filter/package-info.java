/**
 * The stages of fedp2p's default step-0 pipeline (ALGORITHMS.md §8 steps 4–5): validation, the RFFL gate, Bristle's
 * distance-based prioritizer (§2.2), FRL's rank-vote filter (§3.9b) and Bristle's performance-based integrator score
 * (§2.3), each a {@link io.fedp2p.robustness.filter.FilterStage} that only removes or down-weights candidates. The pure
 * math behind them ({@link io.fedp2p.robustness.filter.BristlePrioritizer}, {@link
 * io.fedp2p.robustness.filter.BristleScores}, {@link io.fedp2p.robustness.filter.FrlRankFilter}, {@link
 * io.fedp2p.robustness.filter.RankVote}) is usable on its own.
 */
package io.fedp2p.robustness.filter;
