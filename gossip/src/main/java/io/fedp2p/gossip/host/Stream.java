package io.fedp2p.gossip.host;

import io.fedp2p.gossip.identity.PeerId;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One yamux stream on an authenticated connection, after multistream-select chose its protocol.
 *
 * <p><b>Threading.</b> Every callback runs on the connection's event loop ({@link #executor()}); callbacks must not
 * block. The methods may be called from any thread.
 *
 * <p><b>Writing and backpressure.</b> {@link #write} takes ownership of the buffer and returns a future completed
 * once the last byte has been sent inside the peer's yamux window and written to the socket. A stream queues at
 * most {@link WireLimits#maxQueuedWriteBytesPerStream()} bytes; a write made while the queue is over that limit
 * fails with {@link StreamException}. Producers should wait for the previous future (or {@link #isWritable()})
 * before writing more.
 *
 * <p><b>Reading and flow control.</b> Data goes to the {@link StreamReader} set with {@link #setReader}. Until a
 * reader is set, or while reading is paused, data stays in the stream and the peer gets no new yamux window, so it
 * stops after at most {@link WireLimits#maxStreamWindowBytes()} bytes. Data counts as consumed when it has been
 * handed to the reader.
 */
public interface Stream {
    /** The yamux stream id (odd for streams the dialler opened). */
    int id();

    /** The negotiated protocol id, e.g. {@code /ipfs/ping/1.0.0}. */
    String protocol();

    Connection connection();

    default PeerId remotePeer() {
        return connection().remotePeer();
    }

    /** The event loop that runs this stream's callbacks. */
    Executor executor();

    /** Queues {@code data} (ownership passes to the stream) and sends it as window and socket allow. */
    CompletableFuture<Void> write(ByteBuf data);

    /** Writes {@code message} preceded by its unsigned-varint length (libp2p "delimited" framing). */
    CompletableFuture<Void> writeMessage(ByteBuf message);

    /** Half-closes: sends FIN after every queued write. Reading continues until the peer's FIN. */
    CompletableFuture<Void> closeWrite();

    /** Aborts both directions (yamux RST). Queued writes fail; the reader gets {@link StreamReader#onReset}. */
    void reset();

    /** Sets the reader; buffered data and a pending end of stream are delivered to it on the event loop. */
    void setReader(StreamReader reader);

    /** Stops delivering data (and granting window) until {@link #resumeReading()}. */
    void pauseReading();

    void resumeReading();

    /** False while more than the queue limit is waiting to be sent. */
    boolean isWritable();

    /** Completed when the stream is fully closed (both FINs) or reset. */
    CompletableFuture<Void> closeFuture();
}
