package io.fedp2p.gossip.noise;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The Noise XX handshake state machine (noise_spec §5.3, §7; LIBP2P.md §6.3), independent of any framing:
 *
 * <pre>
 *   -> e                 (32 bytes, then the payload, unencrypted)
 *   <- e, ee, s, es      (32 | 32+16 | payload+16)
 *   -> s, se             (32+16 | payload+16)
 * </pre>
 *
 * Not thread-safe; one instance per connection, discarded after {@link #split()}.
 */
final class XXHandshake {
    private static final int ENCRYPTED_KEY = X25519Keys.KEY_BYTES + HandshakeCipher.TAG_BYTES;

    private final boolean initiator;
    private final X25519Keys s;
    private final Supplier<X25519Keys> ephemerals;
    private final SymmetricState ss = new SymmetricState();
    private X25519Keys e;
    private byte[] re;
    private byte[] rs;
    private int step;

    XXHandshake(boolean initiator, X25519Keys staticKeys, Supplier<X25519Keys> ephemerals, byte[] prologue) {
        this.initiator = initiator;
        this.s = staticKeys;
        this.ephemerals = ephemerals;
        ss.mixHash(prologue);
    }

    /** True when it is this side's turn to write. */
    boolean isMyTurn() {
        return step < 3 && (step % 2 == 0) == initiator;
    }

    boolean isComplete() {
        return step == 3;
    }

    /** Writes the next handshake message carrying {@code payload}. */
    byte[] writeMessage(byte[] payload) {
        if (!isMyTurn()) {
            throw new IllegalStateException("not this side's turn to write (step " + step + ")");
        }
        byte[] out;
        switch (step) {
            case 0:
                e = ephemerals.get();
                ss.mixHash(e.publicKey());
                out = concat(e.publicKey(), ss.encryptAndHash(payload));
                break;
            case 1:
                e = ephemerals.get();
                ss.mixHash(e.publicKey());
                ss.mixKey(e.dh(re));
                byte[] encS = ss.encryptAndHash(s.publicKey());
                ss.mixKey(s.dh(re));
                out = concat(e.publicKey(), encS, ss.encryptAndHash(payload));
                break;
            default:
                byte[] encS3 = ss.encryptAndHash(s.publicKey());
                ss.mixKey(s.dh(re));
                out = concat(encS3, ss.encryptAndHash(payload));
                break;
        }
        step++;
        return out;
    }

    /**
     * Reads the peer's next handshake message and returns its decrypted payload.
     *
     * @throws PeerFault for a short message, a failed decryption or a low-order key
     */
    byte[] readMessage(byte[] message) {
        if (step >= 3 || isMyTurn()) {
            throw new PeerFault(FaultKind.PROTOCOL_VIOLATION, "unexpected Noise handshake message");
        }
        byte[] payload;
        switch (step) {
            case 0:
                requireLength(message, X25519Keys.KEY_BYTES);
                re = Arrays.copyOf(message, X25519Keys.KEY_BYTES);
                ss.mixHash(re);
                payload = ss.decryptAndHash(Arrays.copyOfRange(message, X25519Keys.KEY_BYTES, message.length));
                break;
            case 1:
                requireLength(message, X25519Keys.KEY_BYTES + ENCRYPTED_KEY + HandshakeCipher.TAG_BYTES);
                re = Arrays.copyOf(message, X25519Keys.KEY_BYTES);
                ss.mixHash(re);
                ss.mixKey(e.dh(re));
                int sEnd = X25519Keys.KEY_BYTES + ENCRYPTED_KEY;
                rs = ss.decryptAndHash(Arrays.copyOfRange(message, X25519Keys.KEY_BYTES, sEnd));
                ss.mixKey(e.dh(rs));
                payload = ss.decryptAndHash(Arrays.copyOfRange(message, sEnd, message.length));
                break;
            default:
                requireLength(message, ENCRYPTED_KEY + HandshakeCipher.TAG_BYTES);
                rs = ss.decryptAndHash(Arrays.copyOf(message, ENCRYPTED_KEY));
                ss.mixKey(e.dh(rs));
                payload = ss.decryptAndHash(Arrays.copyOfRange(message, ENCRYPTED_KEY, message.length));
                break;
        }
        step++;
        return payload;
    }

    /** The remote static X25519 key, known after message 2 (initiator) or 3 (responder). */
    byte[] remoteStaticKey() {
        if (rs == null) {
            throw new IllegalStateException("remote static key not received yet");
        }
        return rs.clone();
    }

    byte[] localStaticKey() {
        return s.publicKey();
    }

    byte[] handshakeHash() {
        return ss.handshakeHash();
    }

    /** The transport keys after the last message: {@code [send, receive]} from this side's point of view. */
    byte[][] split() {
        if (!isComplete()) {
            throw new IllegalStateException("handshake not complete");
        }
        byte[][] k = ss.split();
        return initiator ? new byte[][] {k[0], k[1]} : new byte[][] {k[1], k[0]};
    }

    private static void requireLength(byte[] message, int min) {
        if (message.length < min) {
            throw new PeerFault(
                    FaultKind.MALFORMED_FRAME,
                    "Noise handshake message of " + message.length + " bytes, need at least " + min);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }
}
