package io.fedp2p.gossip.noise;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Noise CipherState during the handshake (noise_spec §5.1): ChaCha20-Poly1305 with a 12-byte nonce of four zero
 * bytes and the little-endian 64-bit counter (§12.3). Handshake messages are few and small, so Bouncy Castle's
 * implementation is used here; transport frames use {@link TransportCipher}.
 */
final class HandshakeCipher {
    static final int TAG_BYTES = 16;

    private byte[] key;
    private long nonce;

    boolean hasKey() {
        return key != null;
    }

    void initializeKey(byte[] k) {
        this.key = k.clone();
        this.nonce = 0;
    }

    byte[] encryptWithAd(byte[] ad, byte[] plaintext) {
        if (key == null) {
            return plaintext.clone();
        }
        ChaCha20Poly1305 aead = init(true, ad);
        byte[] out = new byte[plaintext.length + TAG_BYTES];
        int n = aead.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            aead.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("encryption cannot fail", e);
        }
        return out;
    }

    byte[] decryptWithAd(byte[] ad, byte[] ciphertext) {
        if (key == null) {
            return ciphertext.clone();
        }
        if (ciphertext.length < TAG_BYTES) {
            throw new PeerFault(FaultKind.MALFORMED_FRAME, "Noise ciphertext shorter than its tag");
        }
        ChaCha20Poly1305 aead = init(false, ad);
        byte[] out = new byte[ciphertext.length - TAG_BYTES];
        int n = aead.processBytes(ciphertext, 0, ciphertext.length, out, 0);
        try {
            aead.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new PeerFault(FaultKind.BAD_SIGNATURE, "Noise handshake message failed authentication");
        }
        return out;
    }

    private ChaCha20Poly1305 init(boolean encrypt, byte[] ad) {
        ChaCha20Poly1305 aead = new ChaCha20Poly1305();
        aead.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonceBytes(nonce++), ad));
        return aead;
    }

    static byte[] nonceBytes(long counter) {
        byte[] n = new byte[12];
        for (int i = 0; i < 8; i++) {
            n[4 + i] = (byte) (counter >>> (8 * i));
        }
        return n;
    }
}
