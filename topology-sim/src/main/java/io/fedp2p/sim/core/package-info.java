/**
 * The discrete-event simulator: many nodes, each running the node's unchanged {@link
 * io.fedp2p.node.engine.RoundEngine} over the gossip module's in-memory transport, on one {@link
 * io.fedp2p.gossip.clock.VirtualClock}. Local training costs real CPU but virtual time comes from a compute model
 * (with stragglers); trainings pending at the same instant run in parallel when that cannot change a bit of the result.
 * {@link io.fedp2p.sim.core.Simulation} assembles and runs a scenario; {@link
 * io.fedp2p.sim.core.SimulationListener} is the event stream (per-round records, the topology) for reports and a
 * future dashboard.
 */
package io.fedp2p.sim.core;
