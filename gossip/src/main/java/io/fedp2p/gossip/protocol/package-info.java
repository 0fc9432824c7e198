/**
 * The fedp2p gossip protocol {@code /fedp2p/gossip/1.0.0} (ALGORITHMS.md §1.6 #2, §8; fedp2p design). Messages are
 * protobuf ({@code fedp2p_gossip.proto}): a signed {@link io.fedp2p.gossip.protocol.MessageHeader} that binds network,
 * sender, recipient, round, step, degree, adapter spec, backbone and the SHA-256 of the content, then the content in
 * chunks. Receiving rules ({@link io.fedp2p.gossip.protocol.GossipInbox}): signature against the connection's peer
 * id, addressee, compatibility, size caps, replay protection and equivocation detection ({@link
 * io.fedp2p.gossip.protocol.HeaderLedger}), content hash. {@link io.fedp2p.gossip.protocol.GossipService} runs it on
 * libp2p streams.
 */
package io.fedp2p.gossip.protocol;
