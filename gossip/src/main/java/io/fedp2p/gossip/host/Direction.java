package io.fedp2p.gossip.host;

/** Who opened a connection. */
public enum Direction {
    /** The remote peer dialled us. */
    INBOUND,
    /** We dialled the remote peer. */
    OUTBOUND
}
