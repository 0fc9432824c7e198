package io.fedp2p.gossip.noise;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.identity.PublicKey;
import io.fedp2p.gossip.proto.NoiseProtos;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The libp2p Noise handshake payload (LIBP2P.md §6.4): the Ed25519 identity key, its signature over {@code
 * "noise-libp2p-static-key:" || static key}, and the inlined muxer list.
 */
public final class HandshakePayloads {
    private static final byte[] SIG_PREFIX = "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);

    private HandshakePayloads() {}

    /** What a verified payload says about the remote peer. */
    public record Remote(PeerId peerId, PublicKey publicKey, List<String> muxers) {}

    /** The payload this side sends with its static X25519 public key. */
    public static byte[] build(Identity identity, byte[] staticPublicKey, List<String> muxers) {
        NoiseProtos.NoiseHandshakePayload.Builder b = NoiseProtos.NoiseHandshakePayload.newBuilder()
                .setIdentityKey(ByteString.copyFrom(identity.publicKey().toProtobuf()))
                .setIdentitySig(ByteString.copyFrom(identity.sign(signedBytes(staticPublicKey))));
        if (!muxers.isEmpty()) {
            b.setExtensions(NoiseProtos.NoiseExtensions.newBuilder().addAllStreamMuxers(muxers));
        }
        return b.build().toByteArray();
    }

    /**
     * Parses and verifies a remote payload against the static key learnt in the same handshake.
     *
     * @throws PeerFault {@link FaultKind#BAD_PAYLOAD} when it does not parse or lacks the key or signature, {@link
     *     FaultKind#BAD_SIGNATURE} when the signature does not verify
     */
    public static Remote verify(byte[] payload, byte[] remoteStaticKey) {
        NoiseProtos.NoiseHandshakePayload msg;
        try {
            msg = NoiseProtos.NoiseHandshakePayload.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, "malformed Noise handshake payload");
        }
        if (!msg.hasIdentityKey() || !msg.hasIdentitySig()) {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, "Noise handshake payload without identity key or signature");
        }
        PublicKey key = PublicKey.fromProtobuf(msg.getIdentityKey().toByteArray());
        if (!key.verify(signedBytes(remoteStaticKey), msg.getIdentitySig().toByteArray())) {
            throw new PeerFault(FaultKind.BAD_SIGNATURE, "Noise identity signature does not match the static key");
        }
        List<String> muxers =
                msg.hasExtensions() ? List.copyOf(msg.getExtensions().getStreamMuxersList()) : List.of();
        return new Remote(key.peerId(), key, muxers);
    }

    private static byte[] signedBytes(byte[] staticKey) {
        byte[] out = new byte[SIG_PREFIX.length + staticKey.length];
        System.arraycopy(SIG_PREFIX, 0, out, 0, SIG_PREFIX.length);
        System.arraycopy(staticKey, 0, out, SIG_PREFIX.length, staticKey.length);
        return out;
    }
}
