/**
 * The libp2p Noise XX secure channel (LIBP2P.md §6): handshake engine on Bouncy Castle, handshake payload with the
 * identity signature, and transport codecs on the JDK ChaCha20-Poly1305 cipher.
 */
package io.fedp2p.gossip.noise;
