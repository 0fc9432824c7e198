package io.fedp2p.gossip.protocol;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@code /fedp2p/gossip/1.0.0} protocol for one node.
 *
 * @param networkId peers with another network id are refused (at most 64 UTF-8 bytes)
 * @param adapterSpecHash SHA-256 of this node's adapter spec and layout (32 bytes); messages for another are refused
 * @param backboneHash SHA-256 of the frozen backbone (32 bytes)
 * @param dimension length of θ; messages of another length are refused (0 accepts any)
 * @param encoding how this node sends vectors; it accepts every encoding
 * @param maxContentBytes the largest message content accepted (the only size limit on models)
 * @param chunkBytes content bytes per chunk frame this node sends
 * @param maxFrameBytes the largest frame accepted (a chunk plus framing); at least {@code chunkBytes + 64}
 * @param maxInboundStreamsPerPeer concurrent inbound gossip streams one peer may hold open; more are refused
 * @param maxPendingBytes content bytes all peers together may have announced and not finished; more are refused
 * @param streamTimeout a message must be complete this long after its header, else its stream is reset
 * @param windowRounds rounds of headers kept per sender for replay and equivocation checks
 * @param relayEvidence relay every admitted header to the other neighbours, so that equivocation across recipients is
 *     caught (fedp2p design)
 * @param maxEvidencePerFrame signed headers one evidence frame may carry
 */
public record GossipConfig(
        String networkId,
        ByteString adapterSpecHash,
        ByteString backboneHash,
        int dimension,
        PayloadEncoding encoding,
        long maxContentBytes,
        int chunkBytes,
        int maxFrameBytes,
        int maxInboundStreamsPerPeer,
        long maxPendingBytes,
        Duration streamTimeout,
        int windowRounds,
        boolean relayEvidence,
        int maxEvidencePerFrame) {
    public static final String DEFAULT_NETWORK = "fedp2p";

    public GossipConfig {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(adapterSpecHash, "adapterSpecHash");
        Objects.requireNonNull(backboneHash, "backboneHash");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(streamTimeout, "streamTimeout");
        if (adapterSpecHash.size() != 32 || backboneHash.size() != 32) {
            throw new IllegalArgumentException("adapter and backbone hashes must be 32 bytes");
        }
        if (networkId.isEmpty() || networkId.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("network id must have 1..64 bytes, got '" + networkId + "'");
        }
        if (dimension < 0) throw new IllegalArgumentException("dimension must be >= 0");
        if (maxContentBytes < 1 || chunkBytes < 1 || maxFrameBytes < chunkBytes + 64) {
            throw new IllegalArgumentException(
                    "need maxContentBytes >= 1, chunkBytes >= 1, maxFrameBytes >= chunk + 64");
        }
        if (maxInboundStreamsPerPeer < 1 || maxPendingBytes < maxContentBytes) {
            throw new IllegalArgumentException("need maxInboundStreamsPerPeer >= 1 and maxPendingBytes >= maxContent");
        }
        if (streamTimeout.isNegative() || streamTimeout.isZero()) throw new IllegalArgumentException("streamTimeout");
        if (windowRounds < 1 || maxEvidencePerFrame < 1) throw new IllegalArgumentException("window and evidence >= 1");
    }

    /**
     * Defaults for a network: float32, 256 MiB content cap, 256 KiB chunks, 8 streams per peer, 1 GiB pending, 60 s
     * per message, 3 rounds of headers, evidence relay on with 64 headers per frame.
     */
    public static GossipConfig defaults(String networkId, ByteString adapterSpecHash, ByteString backboneHash, int d) {
        return new GossipConfig(
                networkId,
                adapterSpecHash,
                backboneHash,
                d,
                PayloadEncoding.FLOAT32,
                256L << 20,
                256 << 10,
                (256 << 10) + 1024,
                8,
                1L << 30,
                Duration.ofSeconds(60),
                3,
                true,
                64);
    }

    public GossipConfig withEncoding(PayloadEncoding e) {
        return new GossipConfig(
                networkId,
                adapterSpecHash,
                backboneHash,
                dimension,
                e,
                maxContentBytes,
                chunkBytes,
                maxFrameBytes,
                maxInboundStreamsPerPeer,
                maxPendingBytes,
                streamTimeout,
                windowRounds,
                relayEvidence,
                maxEvidencePerFrame);
    }

    /** Another content cap (the pending-bytes cap grows with it when needed). */
    public GossipConfig withMaxContentBytes(long n) {
        return new GossipConfig(
                networkId,
                adapterSpecHash,
                backboneHash,
                dimension,
                encoding,
                n,
                chunkBytes,
                maxFrameBytes,
                maxInboundStreamsPerPeer,
                Math.max(maxPendingBytes, n),
                streamTimeout,
                windowRounds,
                relayEvidence,
                maxEvidencePerFrame);
    }

    public GossipConfig withChunkBytes(int chunk) {
        return new GossipConfig(
                networkId,
                adapterSpecHash,
                backboneHash,
                dimension,
                encoding,
                maxContentBytes,
                chunk,
                Math.max(maxFrameBytes, chunk + 1024),
                maxInboundStreamsPerPeer,
                maxPendingBytes,
                streamTimeout,
                windowRounds,
                relayEvidence,
                maxEvidencePerFrame);
    }

    public GossipConfig withRelayEvidence(boolean on) {
        return new GossipConfig(
                networkId,
                adapterSpecHash,
                backboneHash,
                dimension,
                encoding,
                maxContentBytes,
                chunkBytes,
                maxFrameBytes,
                maxInboundStreamsPerPeer,
                maxPendingBytes,
                streamTimeout,
                windowRounds,
                on,
                maxEvidencePerFrame);
    }

    /** SHA-256 of {@code bytes}. */
    public static byte[] sha256Bytes(byte[] bytes) {
        return ModelMessage.sha256().digest(bytes);
    }

    /** SHA-256 of UTF-8 text, e.g. an adapter spec description, as a 32-byte hash for the header. */
    public static ByteString sha256(String text) {
        return ByteString.copyFrom(
                ModelMessage.sha256().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
