package io.fedp2p.gossip.identity;

import io.fedp2p.gossip.encoding.Base58;
import io.fedp2p.gossip.encoding.Multibase;
import io.fedp2p.gossip.encoding.Uvarint;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Optional;

/**
 * A libp2p peer id: the multihash of the encoded public key (LIBP2P.md §3.2). Ed25519 keys give an identity
 * multihash ({@code 00 24 <36-byte PublicKey protobuf>}, text {@code 12D3KooW…}); sha2-256 ids ({@code Qm…}) are
 * parsed and compared but carry no key. Immutable; equal when the multihash bytes are equal.
 */
public final class PeerId implements Comparable<PeerId> {
    private static final int IDENTITY = 0x00;
    private static final int SHA2_256 = 0x12;
    private static final int MAX_IDENTITY_BYTES = 42;
    private static final int CID_V1 = 0x01;
    private static final int LIBP2P_KEY = 0x72;

    private final byte[] multihash;
    private final String text;

    private PeerId(byte[] multihash) {
        this.multihash = multihash;
        this.text = Base58.encode(multihash);
    }

    /** The identity-multihash peer id of an Ed25519 key. */
    public static PeerId fromPublicKey(PublicKey key) {
        byte[] encoded = key.toProtobuf();
        byte[] mh = new byte[2 + encoded.length];
        mh[0] = IDENTITY;
        mh[1] = (byte) encoded.length;
        System.arraycopy(encoded, 0, mh, 2, encoded.length);
        return new PeerId(mh);
    }

    /**
     * Decodes multihash bytes (from a {@code /p2p} component or a CID).
     *
     * @throws PeerFault {@link FaultKind#BAD_PAYLOAD} unless they form an identity multihash of at most 42 bytes or
     *     a sha2-256 multihash
     */
    public static PeerId fromBytes(byte[] multihash) {
        ByteBuf in = Unpooled.wrappedBuffer(multihash);
        long code = Uvarint.read(in);
        long length = Uvarint.read(in);
        if (code == IDENTITY) {
            if (length > MAX_IDENTITY_BYTES) {
                throw new PeerFault(FaultKind.BAD_PAYLOAD, "identity multihash of " + length + " bytes (max 42)");
            }
        } else if (code == SHA2_256) {
            if (length != 32) {
                throw new PeerFault(FaultKind.BAD_PAYLOAD, "sha2-256 multihash of " + length + " bytes");
            }
        } else {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, "unsupported multihash code 0x" + Long.toHexString(code));
        }
        if (in.readableBytes() != length) {
            throw new PeerFault(
                    FaultKind.BAD_PAYLOAD, "multihash says " + length + " bytes but carries " + in.readableBytes());
        }
        return new PeerId(multihash.clone());
    }

    /**
     * Parses the text form: raw base58btc ({@code 12D3KooW…}, {@code Qm…}) or a CIDv1 with codec libp2p-key in
     * multibase base32 ({@code bafz…}) or base58btc ({@code z…}).
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static PeerId parse(String text) {
        try {
            // SPEC-GAP: RFC 0001 allows any multibase for the CID form; we read base32 ("b") and base58btc ("z"),
            // the forms js and go print, and refuse others (e.g. base36 "k") with a clear error.
            if (text.startsWith("1") || text.startsWith("Qm")) {
                return fromBytes(Base58.decode(text));
            }
            ByteBuf cid = Unpooled.wrappedBuffer(Multibase.decode(text));
            long version = Uvarint.read(cid);
            long codec = Uvarint.read(cid);
            if (version != CID_V1 || codec != LIBP2P_KEY) {
                throw new IllegalArgumentException(
                        "not a libp2p-key CIDv1 (version " + version + ", codec 0x" + Long.toHexString(codec) + ")");
            }
            byte[] mh = new byte[cid.readableBytes()];
            cid.readBytes(mh);
            return fromBytes(mh);
        } catch (PeerFault e) {
            throw new IllegalArgumentException("invalid peer id '" + text + "': " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid peer id '" + text + "': " + e.getMessage(), e);
        }
    }

    /** The multihash bytes (a copy). */
    public byte[] toBytes() {
        return multihash.clone();
    }

    /** The CIDv1 text form: multibase base32 of {@code 01 72 <multihash>} ({@code bafz…}). */
    public String toCid() {
        byte[] cid = new byte[2 + multihash.length];
        cid[0] = CID_V1;
        cid[1] = LIBP2P_KEY;
        System.arraycopy(multihash, 0, cid, 2, multihash.length);
        return Multibase.encodeBase32(cid);
    }

    /** The Ed25519 key inlined in an identity multihash; empty for sha2-256 ids or other key types. */
    public Optional<PublicKey> publicKey() {
        if (multihash[0] != IDENTITY) {
            return Optional.empty();
        }
        try {
            return Optional.of(PublicKey.fromProtobuf(Arrays.copyOfRange(multihash, 2, multihash.length)));
        } catch (PeerFault e) {
            return Optional.empty();
        }
    }

    /** The base58btc text form, as js-libp2p prints it and {@code /p2p/} carries it. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerId other && Arrays.equals(multihash, other.multihash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(multihash);
    }

    @Override
    public int compareTo(PeerId o) {
        return Arrays.compareUnsigned(multihash, o.multihash);
    }
}
