package io.fedp2p.gossip.multiaddr;

/**
 * IP address text without {@link java.net.InetAddress}: no DNS lookups, IPv4-mapped ip6 stays ip6, and ip6 prints
 * in the RFC 5952 form (lower case, longest zero run as {@code ::}), as LIBP2P.md §2.2 asks.
 */
final class IpText {
    private IpText() {}

    static byte[] parseIp4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("invalid ip4 address '" + text + "'");
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) parseOctet(parts[i], text);
        }
        return out;
    }

    private static int parseOctet(String part, String whole) {
        if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("invalid ip4 address '" + whole + "'");
        }
        int v = Integer.parseInt(part);
        if (v > 255) {
            throw new IllegalArgumentException("invalid ip4 address '" + whole + "'");
        }
        return v;
    }

    static String formatIp4(byte[] b) {
        return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
    }

    static byte[] parseIp6(String text) {
        String bad = "invalid ip6 address '" + text + "'";
        int[] groups = new int[8];
        String head = text;
        String tail = "";
        int dbl = text.indexOf("::");
        if (dbl >= 0) {
            if (text.indexOf("::", dbl + 1) >= 0) {
                throw new IllegalArgumentException(bad);
            }
            head = text.substring(0, dbl);
            tail = text.substring(dbl + 2);
        }
        int[] h = parseGroups(head, bad, dbl < 0);
        int[] t = parseGroups(tail, bad, true);
        if (dbl < 0 ? h.length != 8 : h.length + t.length > 7) {
            throw new IllegalArgumentException(bad);
        }
        System.arraycopy(h, 0, groups, 0, h.length);
        System.arraycopy(t, 0, groups, 8 - t.length, t.length);
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (groups[i] >> 8);
            out[2 * i + 1] = (byte) groups[i];
        }
        return out;
    }

    /** Hex groups separated by ':', the last may be a dotted quad (two groups). */
    private static int[] parseGroups(String s, String bad, boolean mayEndWithIp4) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        boolean ip4Tail = mayEndWithIp4 && parts[parts.length - 1].contains(".");
        int[] out = new int[parts.length + (ip4Tail ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (ip4Tail && i == parts.length - 1) {
                byte[] v4 = parseIp4(p);
                out[i] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
                out[i + 1] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
            } else {
                if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    throw new IllegalArgumentException(bad);
                }
                out[i] = Integer.parseInt(p, 16);
            }
        }
        if (out.length > 8) {
            throw new IllegalArgumentException(bad);
        }
        return out;
    }

    static String formatIp6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
