package io.fedp2p.gossip.noise;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import java.security.SecureRandom;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/** An X25519 key pair (RFC 7748) for Noise static and ephemeral keys, on Bouncy Castle's raw-byte API. */
final class X25519Keys {
    static final int KEY_BYTES = 32;

    private final X25519PrivateKeyParameters secret;
    private final byte[] publicKey;

    private X25519Keys(X25519PrivateKeyParameters secret) {
        this.secret = secret;
        this.publicKey = secret.generatePublicKey().getEncoded();
    }

    static X25519Keys generate(SecureRandom random) {
        return new X25519Keys(new X25519PrivateKeyParameters(random));
    }

    /** From a 32-byte secret: for test vectors only. */
    static X25519Keys fromSecret(byte[] secret) {
        return new X25519Keys(new X25519PrivateKeyParameters(secret, 0));
    }

    byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * The shared secret with {@code remotePublic}.
     *
     * @throws PeerFault {@link FaultKind#PROTOCOL_VIOLATION} for a low-order remote key (all-zero result)
     */
    byte[] dh(byte[] remotePublic) {
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(secret);
        byte[] out = new byte[KEY_BYTES];
        try {
            agreement.calculateAgreement(new X25519PublicKeyParameters(remotePublic, 0), out, 0);
        } catch (IllegalStateException e) {
            throw new PeerFault(FaultKind.PROTOCOL_VIOLATION, "Noise: low-order X25519 public key");
        }
        return out;
    }
}
