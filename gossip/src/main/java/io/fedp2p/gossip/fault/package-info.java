/**
 * Peer faults: the exception wire decoders throw for bad remote input, its kinds, and the sink through which the
 * layer above learns of them (STYLE.md §2.5).
 */
package io.fedp2p.gossip.fault;
