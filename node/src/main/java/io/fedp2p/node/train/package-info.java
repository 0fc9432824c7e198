/**
 * The engine-facing trainer API (issue 4). The round engine and the simulator use only this package:
 *
 * <ul>
 *   <li>{@link io.fedp2p.node.train.Task}: built once per JVM, shared and read-only (backbone, adapter spec,
 *       data, partition, feature cache, layout, initial vector);
 *   <li>{@link io.fedp2p.node.train.LocalTrainer}: one per node, thread-confined, {@code train(θ, plan)} and
 *       {@code evaluate(θ, set)};
 *   <li>records and value classes: {@link io.fedp2p.node.train.RoundPlan}, {@link
 *       io.fedp2p.node.train.TrainSettings}, {@link io.fedp2p.node.train.TrainReport}, {@link
 *       io.fedp2p.node.train.Evaluation}, {@link io.fedp2p.node.train.EvalSet}, {@link
 *       io.fedp2p.node.train.LocalBatch}.
 * </ul>
 *
 * Threads: PyTorch's intra-op thread count is process-wide; set it once with {@link
 * io.fedp2p.node.train.EngineSetup#configure(int, long)} before the first DJL call.
 */
package io.fedp2p.node.train;
