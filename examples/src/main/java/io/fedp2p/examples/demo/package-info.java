/**
 * {@code fedp2p demo}: a small fedp2p network in one process — every peer a full {@code fedp2p node} runtime with its
 * own Ed25519 key, listening on loopback and gossiping signed models over real libp2p connections (TCP, Noise, yamux)
 * along a fixed small-world topology — run three times with the same seed, data and topology: with the defence and
 * the attackers, without the defence, and without attackers.
 */
package io.fedp2p.examples.demo;
