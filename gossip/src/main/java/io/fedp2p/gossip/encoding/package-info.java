/** Multiformats encodings: unsigned varints, base58btc, base32 and multibase prefixes (LIBP2P.md §1, §3.3). */
package io.fedp2p.gossip.encoding;
