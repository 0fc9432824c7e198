package io.fedp2p.gossip.fault;

/** What a fault cost the peer. */
public enum FaultScope {
    /** The connection was closed (framing, Noise, muxer, limits). */
    CONNECTION,
    /** Only one stream was reset (a protocol handler refused a message). */
    STREAM,
    /** Reported by the layer above through {@code Host.reportFault}; the host itself took no action. */
    APPLICATION
}
