/**
 * The simulated network between in-memory transports: per-link latency distributions ({@link
 * io.fedp2p.sim.network.LatencySpec}), bandwidth with first-in-first-out queueing (message size matters) and loss,
 * as a {@link io.fedp2p.gossip.transport.LinkModel} of the gossip module's in-memory network ({@link
 * io.fedp2p.sim.network.NetworkModel}); quantities in text form ({@link io.fedp2p.sim.network.Quantities}).
 * Deterministic: every draw comes from a seeded generator, in send order on the clock's thread.
 */
package io.fedp2p.sim.network;
