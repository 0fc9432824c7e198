/**
 * The {@code fedp2p node} runtime: settings ({@link io.fedp2p.node.runtime.NodeSettings}), wiring of the libp2p
 * transport, the trainer, the robustness defence and the round engine ({@link io.fedp2p.node.runtime.NodeRuntime}),
 * atomic checkpoints after every round ({@link io.fedp2p.node.runtime.Checkpoint}), the signing guard that prevents
 * a restarted node from equivocating ({@link io.fedp2p.node.runtime.SigningGuard}), {@code metrics.jsonl} ({@link
 * io.fedp2p.node.runtime.MetricsLog}), the peer table and the event feed a dashboard subscribes to.
 */
package io.fedp2p.node.runtime;
