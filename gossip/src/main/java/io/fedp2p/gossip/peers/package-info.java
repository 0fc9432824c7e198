/**
 * Who a node talks to: peer scores from faults ({@link io.fedp2p.gossip.peers.PeerScorer}), bans with reason and
 * expiry ({@link io.fedp2p.gossip.peers.BanList}), the store of known peers and their addresses ({@link
 * io.fedp2p.gossip.peers.PeerStore}) and the libp2p neighbour manager that keeps the degree between target and
 * maximum ({@link io.fedp2p.gossip.peers.NeighbourManager}).
 */
package io.fedp2p.gossip.peers;
