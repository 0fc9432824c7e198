/**
 * Peer exchange {@code /fedp2p/pex/1.0.0} (fedp2p design): a node asks a neighbour for more peers and their addresses,
 * within a rate limit per requester and caps on what an answer may hold.
 */
package io.fedp2p.gossip.pex;
