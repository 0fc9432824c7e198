package io.fedp2p.gossip.protocol;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.identity.PublicKey;
import io.fedp2p.gossip.proto.GossipProtos;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@link MessageHeader} with the exact bytes its sender signed and the Ed25519 signature over {@code
 * "fedp2p-gossip/1.0.0:" || bytes} (domain-separated, so no other libp2p signature can be replayed as one). The
 * in-memory transport's fast mode uses unsigned headers ({@link #unsigned}), which carry an empty signature and
 * never {@link #verifies() verify}.
 *
 * @param bytes the serialized header as signed
 * @param signature 64 bytes, or empty when unsigned
 * @param header the parsed header
 */
public record SignedHeader(ByteString bytes, ByteString signature, MessageHeader header) {
    /** The signature domain (ALGORITHMS.md §8; fedp2p design). */
    public static final byte[] DOMAIN = "fedp2p-gossip/1.0.0:".getBytes(StandardCharsets.US_ASCII);

    /** Largest serialized header accepted: every field at its cap, with room for protobuf tags. */
    public static final int MAX_HEADER_BYTES = 512;

    public SignedHeader {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(header, "header");
    }

    /** Signs {@code header} with the sender's identity (which must be the header's sender). */
    public static SignedHeader sign(Identity identity, MessageHeader header) {
        if (!identity.peerId().equals(header.sender())) {
            throw new IllegalArgumentException("identity " + identity.peerId() + " cannot sign for " + header.sender());
        }
        ByteString bytes = header.toBytes();
        return new SignedHeader(bytes, ByteString.copyFrom(identity.sign(signedBytes(bytes))), header);
    }

    /** An unsigned header (in-memory fast mode). */
    public static SignedHeader unsigned(MessageHeader header) {
        return new SignedHeader(header.toBytes(), ByteString.EMPTY, header);
    }

    /**
     * Parses a header received from a peer. Checks every length before use; does not verify the signature.
     *
     * @throws PeerFault {@link FaultKind#FRAME_TOO_LARGE}, {@link FaultKind#MALFORMED_FRAME} or {@link
     *     FaultKind#BAD_PAYLOAD}
     */
    public static SignedHeader parse(ByteString bytes, ByteString signature) {
        if (bytes.size() > MAX_HEADER_BYTES) {
            throw new PeerFault(FaultKind.FRAME_TOO_LARGE, "gossip header of " + bytes.size() + " bytes");
        }
        if (signature.size() != 64) {
            throw new PeerFault(FaultKind.BAD_SIGNATURE, "signature of " + signature.size() + " bytes");
        }
        GossipProtos.ModelHeader h;
        try {
            h = GossipProtos.ModelHeader.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new PeerFault(FaultKind.MALFORMED_FRAME, "malformed gossip header");
        }
        if (h.getNetworkId().size() > MessageHeader.MAX_NETWORK_ID_BYTES) {
            throw new PeerFault(
                    FaultKind.BAD_PAYLOAD, "network id of " + h.getNetworkId().size() + " bytes");
        }
        String network;
        try {
            network = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(h.getNetworkId().asReadOnlyByteBuffer())
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, "network id is not UTF-8");
        }
        if (h.getRound() < 0 || h.getContentLength() < 0 || h.getStep() < 0 || h.getDegree() < 0) {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, "round, step, degree or length out of range");
        }
        for (ByteString hash : new ByteString[] {h.getAdapterSpecHash(), h.getBackboneHash(), h.getContentHash()}) {
            if (hash.size() != MessageHeader.HASH_BYTES) {
                throw new PeerFault(FaultKind.BAD_PAYLOAD, "hash of " + hash.size() + " bytes in gossip header");
            }
        }
        MessageHeader header = new MessageHeader(
                network,
                peer(h.getSender(), "sender"),
                peer(h.getRecipient(), "recipient"),
                h.getRound(),
                h.getStep(),
                h.getDegree(),
                h.getAdapterSpecHash(),
                h.getBackboneHash(),
                h.getContentHash(),
                h.getContentLength());
        return new SignedHeader(bytes, signature, header);
    }

    private static PeerId peer(ByteString bytes, String what) {
        if (bytes.isEmpty() || bytes.size() > 64) {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, what + " peer id of " + bytes.size() + " bytes");
        }
        try {
            return PeerId.fromBytes(bytes.toByteArray());
        } catch (IllegalArgumentException e) {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, what + ": " + e.getMessage());
        }
    }

    /** Parses a received {@code Announce}. */
    public static SignedHeader fromAnnounce(GossipProtos.Announce a) {
        return parse(a.getHeader(), a.getSignature());
    }

    public GossipProtos.Announce toAnnounce() {
        return GossipProtos.Announce.newBuilder()
                .setHeader(bytes)
                .setSignature(signature)
                .build();
    }

    public boolean isSigned() {
        return !signature.isEmpty();
    }

    /** True when the signature is valid for the sender's key (inlined in its Ed25519 peer id). */
    public boolean verifies() {
        if (signature.size() != 64) return false;
        PublicKey key = header.sender().publicKey().orElse(null);
        return key != null && key.verify(signedBytes(bytes), signature.toByteArray());
    }

    /**
     * @throws PeerFault {@link FaultKind#BAD_SIGNATURE} unless the signature verifies
     */
    public void verify() {
        if (!verifies()) {
            throw new PeerFault(
                    FaultKind.BAD_SIGNATURE,
                    "gossip header signature does not verify for " + header.sender() + " (round " + header.round()
                            + ", step " + header.step() + ")");
        }
    }

    private static byte[] signedBytes(ByteString bytes) {
        byte[] out = new byte[DOMAIN.length + bytes.size()];
        System.arraycopy(DOMAIN, 0, out, 0, DOMAIN.length);
        bytes.copyTo(out, DOMAIN.length);
        return out;
    }
}
