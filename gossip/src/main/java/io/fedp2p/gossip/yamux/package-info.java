/** The yamux stream multiplexer (LIBP2P.md §7): frame decoder, session and streams with flow control. */
package io.fedp2p.gossip.yamux;
