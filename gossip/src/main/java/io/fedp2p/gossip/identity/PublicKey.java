package io.fedp2p.gossip.identity;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.proto.KeyProtos;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 libp2p public key (LIBP2P.md §3.1). The protobuf encoding is always 36 bytes: {@code 08 01 12 20}
 * followed by the 32 raw key bytes. Other key types are refused: fedp2p peers use Ed25519 only. Immutable and
 * thread-safe.
 */
public final class PublicKey {
    /** Size of a raw Ed25519 public key. */
    public static final int RAW_BYTES = 32;

    private final byte[] raw;

    private PublicKey(byte[] raw) {
        this.raw = raw;
    }

    /** Wraps 32 raw Ed25519 public-key bytes (copied). */
    public static PublicKey ed25519(byte[] raw) {
        if (raw.length != RAW_BYTES) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes, got " + raw.length);
        }
        return new PublicKey(raw.clone());
    }

    /**
     * Decodes a libp2p {@code PublicKey} protobuf received from a peer.
     *
     * @throws PeerFault {@link FaultKind#BAD_PAYLOAD} for a malformed message, an unsupported key type or a wrong
     *     key size
     */
    public static PublicKey fromProtobuf(byte[] encoded) {
        KeyProtos.PublicKey msg;
        try {
            msg = KeyProtos.PublicKey.parseFrom(encoded);
        } catch (InvalidProtocolBufferException e) {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, "malformed PublicKey protobuf");
        }
        if (msg.getType() != KeyProtos.KeyType.Ed25519) {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, "unsupported key type " + msg.getType() + " (Ed25519 only)");
        }
        if (msg.getData().size() != RAW_BYTES) {
            throw new PeerFault(
                    FaultKind.BAD_PAYLOAD, "Ed25519 key of " + msg.getData().size() + " bytes");
        }
        return new PublicKey(msg.getData().toByteArray());
    }

    /** The deterministic {@code PublicKey} protobuf (36 bytes). */
    public byte[] toProtobuf() {
        return KeyProtos.PublicKey.newBuilder()
                .setType(KeyProtos.KeyType.Ed25519)
                .setData(ByteString.copyFrom(raw))
                .build()
                .toByteArray();
    }

    /** The 32 raw key bytes (a copy). */
    public byte[] raw() {
        return raw.clone();
    }

    /** True when {@code signature} is a valid plain Ed25519 (RFC 8032) signature of {@code data} by this key. */
    public boolean verify(byte[] data, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(raw, 0));
        verifier.update(data, 0, data.length);
        return verifier.verifySignature(signature);
    }

    /** The peer id of this key. */
    public PeerId peerId() {
        return PeerId.fromPublicKey(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey(" + HexFormat.of().formatHex(raw) + ")";
    }
}
