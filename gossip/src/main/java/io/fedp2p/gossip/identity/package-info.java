/**
 * Ed25519 identities, libp2p key protobufs, peer ids and their text forms, and key files (LIBP2P.md §3). {@link
 * io.fedp2p.gossip.identity.Identity#sign} and {@link io.fedp2p.gossip.identity.PublicKey#verify} are the signing
 * primitives for message signatures in the layers above.
 */
package io.fedp2p.gossip.identity;
