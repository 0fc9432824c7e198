/**
 * Time and scheduling as an input (STYLE.md §2.6): the {@link io.fedp2p.gossip.clock.Clock} the round engine and the
 * transports run on, with a wall-clock implementation ({@link io.fedp2p.gossip.clock.WallClock}, one event thread)
 * and a deterministic discrete-event one ({@link io.fedp2p.gossip.clock.VirtualClock}) for simulations and tests.
 */
package io.fedp2p.gossip.clock;
