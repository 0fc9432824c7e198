package io.fedp2p.gossip.host;

/** Told when authenticated connections open and close. Called on the connection's event loop; must not block. */
public interface ConnectionListener {
    /** The connection finished its handshake and muxer setup; streams can be opened. */
    default void onConnected(Connection connection) {}

    /** The connection closed (by either side, a fault, or a ban). */
    default void onDisconnected(Connection connection) {}
}
