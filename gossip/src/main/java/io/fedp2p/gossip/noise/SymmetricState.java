package io.fedp2p.gossip.noise;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** Noise SymmetricState (noise_spec §5.2) for {@code Noise_XX_25519_ChaChaPoly_SHA256}: SHA-256, HKDF, MixKey. */
final class SymmetricState {
    static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_SHA256";
    static final int HASH_LEN = 32;

    private final HandshakeCipher cipher = new HandshakeCipher();
    private byte[] ck;
    private byte[] h;

    SymmetricState() {
        // The name is exactly HASHLEN bytes, so h is the name itself (noise_spec §5.2 InitializeSymmetric).
        h = PROTOCOL_NAME.getBytes(StandardCharsets.US_ASCII);
        ck = h.clone();
    }

    void mixHash(byte[] data) {
        SHA256Digest d = new SHA256Digest();
        d.update(h, 0, h.length);
        d.update(data, 0, data.length);
        byte[] out = new byte[HASH_LEN];
        d.doFinal(out, 0);
        h = out;
    }

    void mixKey(byte[] ikm) {
        byte[][] out = hkdf(ck, ikm);
        ck = out[0];
        cipher.initializeKey(out[1]);
    }

    byte[] encryptAndHash(byte[] plaintext) {
        byte[] c = cipher.encryptWithAd(h, plaintext);
        mixHash(c);
        return c;
    }

    byte[] decryptAndHash(byte[] ciphertext) {
        byte[] p = cipher.decryptWithAd(h, ciphertext);
        mixHash(ciphertext);
        return p;
    }

    boolean hasKey() {
        return cipher.hasKey();
    }

    /** {@code (k1, k2)}: initiator-to-responder and responder-to-initiator transport keys. */
    byte[][] split() {
        return hkdf(ck, new byte[0]);
    }

    byte[] handshakeHash() {
        return h.clone();
    }

    /** HKDF with two outputs (noise_spec §4.3). */
    static byte[][] hkdf(byte[] chainingKey, byte[] ikm) {
        byte[] temp = hmac(chainingKey, ikm);
        byte[] o1 = hmac(temp, new byte[] {1});
        byte[] in2 = Arrays.copyOf(o1, o1.length + 1);
        in2[o1.length] = 2;
        byte[] o2 = hmac(temp, in2);
        return new byte[][] {o1, o2};
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[HASH_LEN];
        mac.doFinal(out, 0);
        return out;
    }
}
