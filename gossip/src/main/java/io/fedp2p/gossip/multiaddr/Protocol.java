package io.fedp2p.gossip.multiaddr;

/**
 * The multiaddr components fedp2p understands (LIBP2P.md §2.2; multiformats/multiaddr {@code protocols.csv}). A
 * size of -1 means a varint length prefix precedes the value.
 */
public enum Protocol {
    IP4(4, "ip4", 4),
    TCP(6, "tcp", 2),
    IP6(41, "ip6", 16),
    DNS(53, "dns", -1),
    DNS4(54, "dns4", -1),
    DNS6(55, "dns6", -1),
    UDP(273, "udp", 2),
    P2P(421, "p2p", -1);

    private final int code;
    private final String textName;
    private final int size;

    Protocol(int code, String textName, int size) {
        this.code = code;
        this.textName = textName;
        this.size = size;
    }

    public int code() {
        return code;
    }

    public String textName() {
        return textName;
    }

    /** Value size in bytes, or -1 for length-prefixed values. */
    public int size() {
        return size;
    }

    /** The protocol for a text name; {@code ipfs} is the old alias of {@code p2p}. Null when unknown. */
    static Protocol byName(String name) {
        if (name.equals("ipfs")) {
            return P2P;
        }
        for (Protocol p : values()) {
            if (p.textName.equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The protocol for a binary code; null when unknown. */
    static Protocol byCode(long code) {
        for (Protocol p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        return null;
    }
}
