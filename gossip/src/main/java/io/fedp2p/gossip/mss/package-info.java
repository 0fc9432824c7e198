/** multistream-select 1.0 (LIBP2P.md §5): line codec, negotiation state machine and the channel handler. */
package io.fedp2p.gossip.mss;
