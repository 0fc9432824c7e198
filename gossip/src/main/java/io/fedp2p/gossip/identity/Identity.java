package io.fedp2p.gossip.identity;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fedp2p.gossip.proto.KeyProtos;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The local node's Ed25519 identity key (LIBP2P.md §3.1): signs the Noise handshake and, for the layers above,
 * arbitrary messages. Thread-safe. {@link #toString()} never shows the secret.
 */
public final class Identity {
    /** Size of an Ed25519 seed (the secret). */
    public static final int SEED_BYTES = 32;

    private final Ed25519PrivateKeyParameters secret;
    private final PublicKey publicKey;
    private final PeerId peerId;

    private Identity(byte[] seed) {
        this.secret = new Ed25519PrivateKeyParameters(seed, 0);
        this.publicKey = PublicKey.ed25519(secret.generatePublicKey().getEncoded());
        this.peerId = PeerId.fromPublicKey(publicKey);
    }

    /** A new random identity. */
    public static Identity generate(SecureRandom random) {
        byte[] seed = new byte[SEED_BYTES];
        random.nextBytes(seed);
        return fromSeed(seed);
    }

    /** The identity derived from a 32-byte Ed25519 seed, as js-libp2p's {@code privateKeyFromRaw}. */
    public static Identity fromSeed(byte[] seed) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("Ed25519 seed must be 32 bytes, got " + seed.length);
        }
        return new Identity(seed.clone());
    }

    /**
     * Decodes a libp2p {@code PrivateKey} protobuf: Ed25519 with 64 bytes of data (seed, public key) or the legacy
     * 96-byte form whose two public-key copies must match. The public key in the file must match the seed.
     *
     * @throws IllegalArgumentException naming what is wrong with the key
     */
    public static Identity fromPrivateKeyProtobuf(byte[] encoded) {
        KeyProtos.PrivateKey msg;
        try {
            msg = KeyProtos.PrivateKey.parseFrom(encoded);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a libp2p PrivateKey protobuf: " + e.getMessage());
        }
        if (msg.getType() != KeyProtos.KeyType.Ed25519) {
            throw new IllegalArgumentException("unsupported private key type " + msg.getType() + " (Ed25519 only)");
        }
        byte[] data = msg.getData().toByteArray();
        if (data.length != 64 && data.length != 96) {
            throw new IllegalArgumentException("Ed25519 private key data must be 64 or 96 bytes, got " + data.length);
        }
        if (data.length == 96 && !Arrays.equals(data, 32, 64, data, 64, 96)) {
            throw new IllegalArgumentException("legacy 96-byte Ed25519 key with two different public keys");
        }
        Identity id = fromSeed(Arrays.copyOf(data, SEED_BYTES));
        if (!Arrays.equals(id.publicKey.raw(), Arrays.copyOfRange(data, 32, 64))) {
            throw new IllegalArgumentException("Ed25519 private key: stored public key does not match the seed");
        }
        return id;
    }

    /** The libp2p {@code PrivateKey} protobuf: type Ed25519, data = seed followed by public key (disk format). */
    public byte[] toPrivateKeyProtobuf() {
        byte[] data = new byte[64];
        secret.encode(data, 0);
        System.arraycopy(publicKey.raw(), 0, data, 32, 32);
        return KeyProtos.PrivateKey.newBuilder()
                .setType(KeyProtos.KeyType.Ed25519)
                .setData(ByteString.copyFrom(data))
                .build()
                .toByteArray();
    }

    /** A plain Ed25519 (RFC 8032) signature of {@code data}, 64 bytes. */
    public byte[] sign(byte[] data) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, secret);
        signer.update(data, 0, data.length);
        return signer.generateSignature();
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public PeerId peerId() {
        return peerId;
    }

    @Override
    public String toString() {
        return "Identity(" + peerId + ")";
    }
}
