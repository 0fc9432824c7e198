package io.fedp2p.gossip.host;

import java.time.Duration;
import java.util.Objects;

/**
 * Every cap and deadline the wire stack applies to remote peers (STYLE.md §2.4). All lengths read from a peer are
 * checked against these before anything is allocated.
 *
 * @param handshakeTimeout TCP accept/connect to a ready muxer (multistream-select, Noise, muxer choice)
 * @param negotiationTimeout multistream-select on one new stream
 * @param maxConnections open connections in total, inbound and outbound
 * @param maxConnectionsPerPeer open connections to one authenticated peer
 * @param maxPendingHandshakes connections still in their handshake
 * @param maxStreamsPerConnection open yamux streams on one connection; a peer exceeding it is disconnected
 * @param maxUnackedOutboundStreams streams we opened that the peer has not acknowledged yet (yamux backlog)
 * @param maxStreamWindowBytes the largest receive window one stream grows to, i.e. the most one stream buffers and
 *     the largest yamux data frame accepted; at least 256 KiB
 * @param maxQueuedWriteBytesPerStream bytes a stream holds for sending before further writes are refused
 * @param maxMssLineBytes a multistream-select message, newline included (js: 1024)
 * @param maxMessageBytes default cap of one length-prefixed message on an application stream
 * @param maxIdentifyBytes one identify message (js: 8 KiB); at most 10 per stream
 * @param maxPerfBytes bytes one {@code /perf/1.0.0} stream may send us or ask us to send
 */
public record WireLimits(
        Duration handshakeTimeout,
        Duration negotiationTimeout,
        int maxConnections,
        int maxConnectionsPerPeer,
        int maxPendingHandshakes,
        int maxStreamsPerConnection,
        int maxUnackedOutboundStreams,
        int maxStreamWindowBytes,
        int maxQueuedWriteBytesPerStream,
        int maxMssLineBytes,
        int maxMessageBytes,
        int maxIdentifyBytes,
        long maxPerfBytes) {
    /** The yamux initial window every stream starts with (LIBP2P.md §7.3). */
    public static final int INITIAL_WINDOW = 256 * 1024;

    public static final WireLimits DEFAULTS = new WireLimits(
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            512,
            4,
            64,
            1024,
            256,
            4 << 20,
            16 << 20,
            1024,
            1 << 20,
            8 << 10,
            1L << 30);

    public WireLimits {
        requirePositive(Objects.requireNonNull(handshakeTimeout, "handshakeTimeout"), "handshakeTimeout");
        requirePositive(Objects.requireNonNull(negotiationTimeout, "negotiationTimeout"), "negotiationTimeout");
        requireAtLeast(maxConnections, 1, "maxConnections");
        requireAtLeast(maxConnectionsPerPeer, 1, "maxConnectionsPerPeer");
        requireAtLeast(maxPendingHandshakes, 1, "maxPendingHandshakes");
        requireAtLeast(maxStreamsPerConnection, 1, "maxStreamsPerConnection");
        requireAtLeast(maxUnackedOutboundStreams, 1, "maxUnackedOutboundStreams");
        requireAtLeast(maxStreamWindowBytes, INITIAL_WINDOW, "maxStreamWindowBytes");
        requireAtLeast(maxQueuedWriteBytesPerStream, 1, "maxQueuedWriteBytesPerStream");
        requireAtLeast(maxMssLineBytes, 64, "maxMssLineBytes");
        requireAtLeast(maxMessageBytes, 1, "maxMessageBytes");
        requireAtLeast(maxIdentifyBytes, 256, "maxIdentifyBytes");
        if (maxPerfBytes < 0) {
            throw new IllegalArgumentException("maxPerfBytes must be >= 0, got " + maxPerfBytes);
        }
    }

    public WireLimits withHandshakeTimeout(Duration d) {
        return new WireLimits(
                d,
                negotiationTimeout,
                maxConnections,
                maxConnectionsPerPeer,
                maxPendingHandshakes,
                maxStreamsPerConnection,
                maxUnackedOutboundStreams,
                maxStreamWindowBytes,
                maxQueuedWriteBytesPerStream,
                maxMssLineBytes,
                maxMessageBytes,
                maxIdentifyBytes,
                maxPerfBytes);
    }

    public WireLimits withMaxConnections(int total, int perPeer) {
        return new WireLimits(
                handshakeTimeout,
                negotiationTimeout,
                total,
                perPeer,
                maxPendingHandshakes,
                maxStreamsPerConnection,
                maxUnackedOutboundStreams,
                maxStreamWindowBytes,
                maxQueuedWriteBytesPerStream,
                maxMssLineBytes,
                maxMessageBytes,
                maxIdentifyBytes,
                maxPerfBytes);
    }

    public WireLimits withMaxStreamsPerConnection(int n) {
        return new WireLimits(
                handshakeTimeout,
                negotiationTimeout,
                maxConnections,
                maxConnectionsPerPeer,
                maxPendingHandshakes,
                n,
                maxUnackedOutboundStreams,
                maxStreamWindowBytes,
                maxQueuedWriteBytesPerStream,
                maxMssLineBytes,
                maxMessageBytes,
                maxIdentifyBytes,
                maxPerfBytes);
    }

    public WireLimits withMaxStreamWindowBytes(int n) {
        return new WireLimits(
                handshakeTimeout,
                negotiationTimeout,
                maxConnections,
                maxConnectionsPerPeer,
                maxPendingHandshakes,
                maxStreamsPerConnection,
                maxUnackedOutboundStreams,
                n,
                maxQueuedWriteBytesPerStream,
                maxMssLineBytes,
                maxMessageBytes,
                maxIdentifyBytes,
                maxPerfBytes);
    }

    public WireLimits withMaxMessageBytes(int n) {
        return new WireLimits(
                handshakeTimeout,
                negotiationTimeout,
                maxConnections,
                maxConnectionsPerPeer,
                maxPendingHandshakes,
                maxStreamsPerConnection,
                maxUnackedOutboundStreams,
                maxStreamWindowBytes,
                maxQueuedWriteBytesPerStream,
                maxMssLineBytes,
                n,
                maxIdentifyBytes,
                maxPerfBytes);
    }

    public WireLimits withMaxPerfBytes(long n) {
        return new WireLimits(
                handshakeTimeout,
                negotiationTimeout,
                maxConnections,
                maxConnectionsPerPeer,
                maxPendingHandshakes,
                maxStreamsPerConnection,
                maxUnackedOutboundStreams,
                maxStreamWindowBytes,
                maxQueuedWriteBytesPerStream,
                maxMssLineBytes,
                maxMessageBytes,
                maxIdentifyBytes,
                n);
    }

    private static void requirePositive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }

    private static void requireAtLeast(long v, long min, String name) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
        }
    }
}
