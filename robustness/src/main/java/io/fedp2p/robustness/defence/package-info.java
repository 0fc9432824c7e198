/**
 * The mixing step the round engine calls (ALGORITHMS.md §8): {@link io.fedp2p.robustness.defence.Defence}, selected by
 * name through {@link io.fedp2p.robustness.defence.DefenceSpec} ({@code pipeline}, {@code krum:f=2}, ...). A defence
 * screens and mixes at step 0 ({@code stepZero}), guards and mixes at MGS steps q ≥ 1 ({@code step}), and updates the
 * persisted per-neighbour state at the end of the round ({@code endRound}). The default fedp2p pipeline is {@link
 * io.fedp2p.robustness.defence.RobustPipeline} with {@link io.fedp2p.robustness.defence.PipelineConfig#DEFAULTS}.
 */
package io.fedp2p.robustness.defence;
