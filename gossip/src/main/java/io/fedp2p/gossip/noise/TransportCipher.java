package io.fedp2p.gossip.noise;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction of the Noise transport (LIBP2P.md §6.5–6.6): ChaCha20-Poly1305 with empty associated data and the
 * nonce {@code 00000000 || le64(counter)}, on the JDK {@link Cipher} (HotSpot has intrinsics for it on newer JDKs;
 * LIBP2P.md §6.8). One instance per direction; frame data is copied through a scratch array shared by all ciphers
 * of a thread (an idle connection then holds no 64 KiB buffers) and encrypted straight into the heap array of the
 * output buffer, so the only per-frame garbage is the JDK's small {@link IvParameterSpec}. Not thread-safe: used
 * on the channel's event loop only; {@link #gather} and {@link #encryptGathered} must run in one go on one thread.
 */
public final class TransportCipher {
    /** Largest Noise message (2-byte length prefix). */
    public static final int MAX_MESSAGE = 65535;
    /** Tag size of ChaCha20-Poly1305. */
    public static final int TAG_BYTES = 16;
    /** Largest plaintext per transport message. */
    public static final int MAX_PLAINTEXT = MAX_MESSAGE - TAG_BYTES;

    private final Cipher cipher;
    private final SecretKeySpec key;
    private final int mode;
    private final byte[] nonce = new byte[12];
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[MAX_MESSAGE];
        }
    };

    private long counter;

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
        if (length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("Noise plaintext of " + length + " bytes exceeds " + MAX_PLAINTEXT);
        }
        byte[] scratch = SCRATCH.get();
        plaintext.readBytes(scratch, 0, length);
        out.ensureWritable(length + TAG_BYTES);
        int written = run(scratch, length, out);
        out.writerIndex(out.writerIndex() + written);
    }

    /** Copies {@code n} readable bytes of {@code src} (reader index advanced) to the scratch array at {@code pos}. */
    void gather(ByteBuf src, int pos, int n) {
        src.readBytes(SCRATCH.get(), pos, n);
    }

    /** Encrypts the first {@code length} gathered bytes (see {@link #gather}) into {@code out}. */
    void encryptGathered(int length, ByteBuf out) {
        if (length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("Noise plaintext of " + length + " bytes exceeds " + MAX_PLAINTEXT);
        }
        out.ensureWritable(length + TAG_BYTES);
        int written = run(SCRATCH.get(), length, out);
        out.writerIndex(out.writerIndex() + written);
    }

    /**
     * Decrypts one transport message of {@code length} readable bytes of {@code ciphertext} (reader index advanced)
     * and appends the plaintext to {@code out}, which must be backed by an array.
     *
     * @throws PeerFault {@link FaultKind#BAD_SIGNATURE} when authentication fails (fatal for the connection: the
     *     counters can never resynchronise)
     */
    public void decrypt(ByteBuf ciphertext, int length, ByteBuf out) {
        if (length < TAG_BYTES || length > MAX_MESSAGE) {
            throw new PeerFault(FaultKind.MALFORMED_FRAME, "Noise transport message of " + length + " bytes");
        }
        byte[] scratch = SCRATCH.get();
        ciphertext.readBytes(scratch, 0, length);
        out.ensureWritable(length - TAG_BYTES);
        int written = run(scratch, length, out);
        out.writerIndex(out.writerIndex() + written);
    }

    private int run(byte[] scratch, int length, ByteBuf out) {
        if (counter == -1L) {
            throw new IllegalStateException("Noise nonce exhausted; the connection must be closed");
        }
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (counter >>> (8 * i));
        }
        counter++;
        try {
            cipher.init(mode, key, new IvParameterSpec(nonce));
            return cipher.doFinal(scratch, 0, length, out.array(), out.arrayOffset() + out.writerIndex());
        } catch (AEADBadTagException e) {
            throw new PeerFault(FaultKind.BAD_SIGNATURE, "Noise transport message failed authentication");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed", e);
        }
    }

    /** Messages processed so far (the next nonce). */
    public long counter() {
        return counter;
    }
}
