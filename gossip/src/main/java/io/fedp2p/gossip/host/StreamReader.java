package io.fedp2p.gossip.host;

import io.netty.buffer.ByteBuf;

/**
 * Receives a stream's data on the connection's event loop. A reader that throws {@link
 * io.fedp2p.gossip.fault.PeerFault} resets the stream and reports the fault; the connection stays open.
 */
public interface StreamReader {
    /** Data in order; the reader owns {@code data} and must release it. */
    void onData(Stream stream, ByteBuf data);

    /** The peer half-closed: no more data will come. */
    default void onRemoteClose(Stream stream) {}

    /** The stream was reset by either side or its connection closed before the peer's FIN. */
    default void onReset(Stream stream) {}
}
