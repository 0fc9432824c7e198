/**
 * The DFedSAM-MGS round engine with the robustness pipeline (ALGORITHMS.md §1, §8): an event-driven,
 * single-threaded state machine per node ({@link io.fedp2p.node.engine.RoundEngine}) that reacts to the start,
 * received messages, timers and finished training. It talks to the world only through ports: a {@link
 * io.fedp2p.gossip.clock.Clock}, a {@link io.fedp2p.gossip.transport.GossipTransport}, {@link
 * io.fedp2p.node.engine.LocalCompute} (the trainer), a {@link io.fedp2p.robustness.defence.Defence}, {@link
 * io.fedp2p.node.engine.EvaluatorSource} and {@link io.fedp2p.node.engine.EngineListener}. The real node runs it on a
 * wall clock over libp2p; the simulator runs many on one virtual clock over the in-memory transport.
 */
package io.fedp2p.node.engine;
