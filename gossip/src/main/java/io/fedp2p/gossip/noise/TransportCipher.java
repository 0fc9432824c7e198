package io.fedp2p.gossip.noise;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.buffer.ByteBuf;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction of the Noise transport (LIBP2P.md §6.5–6.6): ChaCha20-Poly1305 with empty associated data and the
 * nonce {@code 00000000 || le64(counter)}, on the JDK {@link Cipher} (HotSpot has intrinsics for it on newer JDKs;
 * LIBP2P.md §6.8). The JDK cipher is fastest on arrays, so the data path hands it arrays without staging copies:
 * encryption reads array-backed plaintext where it lies ({@link #begin}, {@link #update}, {@link #finish}; other
 * buffers are copied into the output first and encrypted in place there), and decryption works in place on a
 * message already copied into a heap buffer ({@link #decryptInPlace}). The only per-message garbage is the JDK's
 * own. Not thread-safe: one instance per direction, used on the channel's event loop only.
 */
public final class TransportCipher {
    /** Largest Noise message (2-byte length prefix). */
    public static final int MAX_MESSAGE = 65535;
    /** Tag size of ChaCha20-Poly1305. */
    public static final int TAG_BYTES = 16;
    /** Largest plaintext per transport message. */
    public static final int MAX_PLAINTEXT = MAX_MESSAGE - TAG_BYTES;
    /** Pieces up to this size are copied into the output and encrypted there in one go with their neighbours. */
    private static final int SMALL_PIECE = 512;

    private final Cipher cipher;
    private final SecretKeySpec key;
    private final int mode;
    private final byte[] nonce = new byte[12];

    private long counter;
    private int messageBytes;
    private int unsealedFrom = -1;

    private TransportCipher(byte[] key, int mode) {
        try {
            this.cipher = Cipher.getInstance("ChaCha20-Poly1305");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no ChaCha20-Poly1305 cipher", e);
        }
        this.key = new SecretKeySpec(key, "ChaCha20");
        this.mode = mode;
    }

    /** The sending direction for a 32-byte key. */
    public static TransportCipher encryptor(byte[] key) {
        return new TransportCipher(key, Cipher.ENCRYPT_MODE);
    }

    /** The receiving direction for a 32-byte key. */
    public static TransportCipher decryptor(byte[] key) {
        return new TransportCipher(key, Cipher.DECRYPT_MODE);
    }

    /**
     * Encrypts {@code length} readable bytes of {@code plaintext} (reader index advanced) and appends ciphertext and
     * tag to {@code out}, which must be backed by an array.
     */
    public void encrypt(ByteBuf plaintext, int length, ByteBuf out) {
        out.ensureWritable(length + TAG_BYTES);
        begin();
        update(plaintext, length, out);
        finish(out);
    }

    /** Starts a message (next nonce); follow with {@link #update} calls and one {@link #finish}. */
    void begin() {
        init();
        messageBytes = 0;
        unsealedFrom = -1;
    }

    /**
     * Encrypts the next {@code n} readable bytes of {@code src} (reader index advanced) onto the end of {@code out}
     * (array-backed, with room for them and the tag).
     */
    void update(ByteBuf src, int n, ByteBuf out) {
        if (messageBytes + n > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("Noise plaintext over " + MAX_PLAINTEXT + " bytes");
        }
        messageBytes += n;
        int at = out.writerIndex();
        if (n <= SMALL_PIECE || !src.hasArray()) {
            out.writeBytes(src, n);
            if (unsealedFrom < 0) {
                unsealedFrom = at;
            }
            if (n > SMALL_PIECE) {
                seal(out);
            }
            return;
        }
        seal(out);
        try {
            cipher.update(src.array(), src.arrayOffset() + src.readerIndex(), n, out.array(), out.arrayOffset() + at);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed", e);
        }
        src.skipBytes(n);
        out.writerIndex(at + n);
    }

    /** Appends the tag of the current message to {@code out}. */
    void finish(ByteBuf out) {
        seal(out);
        try {
            int written = cipher.doFinal(out.array(), out.arrayOffset() + out.writerIndex());
            out.writerIndex(out.writerIndex() + written);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed", e);
        }
    }

    /** Encrypts in place the plaintext copied into {@code out} since the last call. */
    private void seal(ByteBuf out) {
        if (unsealedFrom < 0) {
            return;
        }
        int offset = out.arrayOffset() + unsealedFrom;
        int n = out.writerIndex() - unsealedFrom;
        unsealedFrom = -1;
        try {
            cipher.update(out.array(), offset, n, out.array(), offset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed", e);
        }
    }

    /**
     * Decrypts one transport message of {@code length} readable bytes of {@code ciphertext} (reader index advanced)
     * and appends the plaintext to {@code out}, which must be backed by an array.
     *
     * @throws PeerFault {@link FaultKind#BAD_SIGNATURE} when authentication fails (fatal for the connection: the
     *     counters can never resynchronise)
     */
    public void decrypt(ByteBuf ciphertext, int length, ByteBuf out) {
        checkLength(length);
        out.ensureWritable(length);
        int at = out.writerIndex();
        out.writeBytes(ciphertext, length);
        out.writerIndex(at + decryptInPlace(out, at, length));
    }

    /**
     * Decrypts the message of {@code length} bytes (ciphertext and tag) at {@code index} of the array-backed {@code
     * buf} in place; the plaintext starts at {@code index}.
     *
     * @return the plaintext length
     * @throws PeerFault {@link FaultKind#BAD_SIGNATURE} when authentication fails
     */
    int decryptInPlace(ByteBuf buf, int index, int length) {
        checkLength(length);
        init();
        int offset = buf.arrayOffset() + index;
        try {
            return cipher.doFinal(buf.array(), offset, length, buf.array(), offset);
        } catch (AEADBadTagException e) {
            throw new PeerFault(FaultKind.BAD_SIGNATURE, "Noise transport message failed authentication");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed", e);
        }
    }

    private static void checkLength(int length) {
        if (length < TAG_BYTES || length > MAX_MESSAGE) {
            throw new PeerFault(FaultKind.MALFORMED_FRAME, "Noise transport message of " + length + " bytes");
        }
    }

    private void init() {
        if (counter == -1L) {
            throw new IllegalStateException("Noise nonce exhausted; the connection must be closed");
        }
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (counter >>> (8 * i));
        }
        counter++;
        try {
            cipher.init(mode, key, new IvParameterSpec(nonce));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 init failed", e);
        }
    }

    /** Messages processed so far (the next nonce). */
    public long counter() {
        return counter;
    }
}
