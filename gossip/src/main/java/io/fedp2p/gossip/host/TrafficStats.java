package io.fedp2p.gossip.host;

/**
 * Bytes exchanged with one peer over TCP (Noise and yamux overhead included), summed over all its connections
 * since the host started.
 */
public record TrafficStats(long bytesIn, long bytesOut) {
    public static final TrafficStats ZERO = new TrafficStats(0, 0);
}
