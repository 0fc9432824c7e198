package io.fedp2p.gossip.mss;

/** User event: multistream-select on the channel chose {@code protocol}; the negotiator has removed itself. */
public record ProtocolSelected(String protocol) {}
