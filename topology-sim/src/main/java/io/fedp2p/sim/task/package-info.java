/**
 * The learning tasks a simulation runs, all behind the trainer's {@link io.fedp2p.node.train.Task} / {@link
 * io.fedp2p.node.train.LocalTrainer} interface so that the round engine is the node's, unchanged: the real DJL model
 * ({@code fashion-mnist}, transfer setting by default), the node's {@code fortunes-topic} task on a pretrained sentence
 * encoder (one frozen-layer cache for every simulated node) and the plain-Java {@code vector} task (softmax regression on a
 * synthetic Gaussian mixture) for protocol studies with many nodes. {@link io.fedp2p.sim.task.SimTasks} builds either
 * from a scenario.
 */
package io.fedp2p.sim.task;
