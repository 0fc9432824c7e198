package io.fedp2p.gossip.protocol;

import com.google.protobuf.ByteString;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.proto.GossipProtos;
import java.util.Objects;

/**
 * The signed statement of one gossip message (the {@code ModelHeader} of {@code fedp2p_gossip.proto}): who sends to
 * whom, in which network, round and gossip step, with which degree, adapter and backbone, and the SHA-256 and length
 * of the content that follows. Two valid headers from one sender for the same network, round and step with
 * different content hashes prove equivocation, whoever they were addressed to.
 *
 * @param networkId the network name (UTF-8, at most {@link #MAX_NETWORK_ID_BYTES} bytes)
 * @param sender the signer
 * @param recipient the addressee
 * @param round t ≥ 0
 * @param step q ≥ 0
 * @param degree the sender's degree this round
 * @param adapterSpecHash 32 bytes
 * @param backboneHash 32 bytes
 * @param contentHash 32 bytes, SHA-256 of the serialized content
 * @param contentLength bytes of serialized content
 */
public record MessageHeader(
        String networkId,
        PeerId sender,
        PeerId recipient,
        long round,
        int step,
        int degree,
        ByteString adapterSpecHash,
        ByteString backboneHash,
        ByteString contentHash,
        long contentLength) {
    public static final int MAX_NETWORK_ID_BYTES = 64;
    public static final int HASH_BYTES = 32;

    public MessageHeader {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(adapterSpecHash, "adapterSpecHash");
        Objects.requireNonNull(backboneHash, "backboneHash");
        Objects.requireNonNull(contentHash, "contentHash");
        if (networkId.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NETWORK_ID_BYTES) {
            throw new IllegalArgumentException("network id longer than " + MAX_NETWORK_ID_BYTES + " bytes");
        }
        if (round < 0 || step < 0 || degree < 0 || contentLength < 0) {
            throw new IllegalArgumentException("negative round, step, degree or length");
        }
        for (ByteString h : new ByteString[] {adapterSpecHash, backboneHash, contentHash}) {
            if (h.size() != HASH_BYTES) throw new IllegalArgumentException("hashes must be 32 bytes, got " + h.size());
        }
    }

    /** The serialized form that is signed. */
    public ByteString toBytes() {
        return GossipProtos.ModelHeader.newBuilder()
                .setNetworkId(ByteString.copyFromUtf8(networkId))
                .setSender(ByteString.copyFrom(sender.toBytes()))
                .setRecipient(ByteString.copyFrom(recipient.toBytes()))
                .setRound(round)
                .setStep(step)
                .setDegree(degree)
                .setAdapterSpecHash(adapterSpecHash)
                .setBackboneHash(backboneHash)
                .setContentHash(contentHash)
                .setContentLength(contentLength)
                .build()
                .toByteString();
    }

    /** True when {@code other} is a statement by the same sender about the same network, round and step. */
    public boolean sameSlot(MessageHeader other) {
        return sender.equals(other.sender)
                && networkId.equals(other.networkId)
                && round == other.round
                && step == other.step;
    }

    /** This header addressed to someone else (the content stays the same). */
    public MessageHeader withRecipient(PeerId to) {
        return new MessageHeader(
                networkId, sender, to, round, step, degree, adapterSpecHash, backboneHash, contentHash, contentLength);
    }
}
