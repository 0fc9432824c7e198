package io.fedp2p.gossip.encoding;

/** The two multibase encodings libp2p peer ids use (LIBP2P.md §3.3): {@code z} base58btc and {@code b} base32. */
public final class Multibase {
    private Multibase() {}

    /** Encodes with the base32 prefix {@code b}. */
    public static String encodeBase32(byte[] data) {
        return "b" + Base32.encode(data);
    }

    /** Encodes with the base58btc prefix {@code z}. */
    public static String encodeBase58(byte[] data) {
        return "z" + Base58.encode(data);
    }

    /** Decodes text with a {@code b}/{@code B} or {@code z} prefix; anything else is refused. */
    public static byte[] decode(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty multibase text");
        }
        char prefix = text.charAt(0);
        String body = text.substring(1);
        switch (prefix) {
            case 'b':
            case 'B':
                return Base32.decode(body);
            case 'z':
                return Base58.decode(body);
            default:
                throw new IllegalArgumentException("unsupported multibase prefix '" + prefix + "' (only b, z)");
        }
    }
}
