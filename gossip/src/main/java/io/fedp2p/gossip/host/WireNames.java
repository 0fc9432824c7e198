package io.fedp2p.gossip.host;

/** Pipeline handler names (STYLE.md §2.4). */
final class WireNames {
    static final String TRAFFIC = "traffic";
    static final String DEADLINE = "handshake-deadline";
    static final String SECURITY_MSS = "security-mss";
    static final String NOISE = "noise-handshake";
    static final String MUXER_MSS = "muxer-mss";
    static final String YAMUX_DECODER = "yamux-decoder";
    static final String YAMUX = "yamux-session";
    static final String UPGRADE = "upgrade";
    static final String FAULTS = "peer-faults";

    static final String NOISE_PROTOCOL = "/noise";
    static final String YAMUX_PROTOCOL = "/yamux/1.0.0";

    private WireNames() {}
}
