/** Built-in libp2p protocols on the host API: identify, ping and perf (LIBP2P.md §9, §10, §10a). */
package io.fedp2p.gossip.protocols;
