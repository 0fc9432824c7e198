package io.fedp2p.gossip.fault;

/**
 * Receives every peer fault the host detects and every fault the layer above reports, so that a node can score and
 * ban peers (STYLE.md §2.5). Called on a Netty event loop: implementations must be fast, thread-safe and must not
 * block.
 */
@FunctionalInterface
public interface FaultSink {
    /** A sink that ignores everything. */
    FaultSink NONE = event -> {};

    void onFault(FaultEvent event);
}
