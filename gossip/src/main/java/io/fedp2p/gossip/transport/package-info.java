/**
 * The port between the round engine and the network: {@link io.fedp2p.gossip.transport.GossipTransport} with its
 * {@link io.fedp2p.gossip.transport.TransportListener}, implemented over libp2p ({@link
 * io.fedp2p.gossip.transport.Libp2pTransport}) and in memory ({@link io.fedp2p.gossip.transport.InMemoryNetwork}),
 * where every delivery goes through a {@link io.fedp2p.gossip.clock.Clock} and a {@link
 * io.fedp2p.gossip.transport.LinkModel} so that a simulator can run many nodes on one virtual clock.
 */
package io.fedp2p.gossip.transport;
