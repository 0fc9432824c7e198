/**
 * The robustness layer of fedp2p as pure functions on {@code float[]} vectors (ALGORITHMS.md §2–§6, §8): the data a
 * node hands to it each round ({@link io.fedp2p.robustness.RoundInput}, {@link io.fedp2p.robustness.Candidate}), the
 * per-neighbour state the node persists between rounds ({@link io.fedp2p.robustness.RobustnessState}), the model
 * callbacks some stages need ({@link io.fedp2p.robustness.Evaluators}) and the per-candidate decisions it gets back
 * ({@link io.fedp2p.robustness.CandidateDecision}).
 *
 * <p>Sub-packages: {@code vector} (kernels), {@code aggregate} (baseline rules, §5), {@code filter} (pipeline stages:
 * validation, Bristle, FRL), {@code reputation} (RFFL, §4), {@code defence} (the named mixing steps the round engine
 * calls, §8), {@code attack} (§6) and {@code cli} ({@code fedp2p aggregate}). No I/O, no clock, no ambient randomness:
 * every random choice takes a {@link java.util.random.RandomGenerator}.
 */
package io.fedp2p.robustness;
