/** Multiaddrs in text and binary form (LIBP2P.md §2). */
package io.fedp2p.gossip.multiaddr;
