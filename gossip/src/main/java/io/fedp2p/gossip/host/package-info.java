/**
 * The host API the layers above use: {@link io.fedp2p.gossip.host.Host} (listen, dial, protocol handlers, streams,
 * connection events, faults, bans, traffic), {@link io.fedp2p.gossip.host.Connection}, {@link
 * io.fedp2p.gossip.host.Stream} with backpressure and length-prefixed messages ({@link
 * io.fedp2p.gossip.host.MessageReader}), and every limit in {@link io.fedp2p.gossip.host.WireLimits}. Package-private
 * classes wire the Netty pipeline (STYLE.md §2.4).
 */
package io.fedp2p.gossip.host;
