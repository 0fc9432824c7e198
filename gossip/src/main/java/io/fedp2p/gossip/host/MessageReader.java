package io.fedp2p.gossip.host;

import io.fedp2p.gossip.encoding.Uvarint;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A {@link StreamReader} that splits a stream into unsigned-varint length-prefixed messages (the libp2p
 * "delimited" framing used by identify and the fedp2p protocols). A length above {@code maxMessageBytes} is refused
 * before any payload is buffered: the stream is reset and the fault reported. At most one message plus one read
 * is held. Single-stream, event-loop confined.
 */
public final class MessageReader implements StreamReader {
    /** Receives whole messages. */
    public interface Handler {
        /** One message; the handler owns {@code message} and must release it. */
        void onMessage(Stream stream, ByteBuf message);

        /** The peer half-closed; {@code partial} is true when it stopped in the middle of a message. */
        default void onEnd(Stream stream, boolean partial) {}

        default void onReset(Stream stream) {}
    }

    private final int maxMessageBytes;
    private final Handler handler;
    private final CompositeByteBuf pending = Unpooled.compositeBuffer(64);
    private long expected = -1;

    public MessageReader(int maxMessageBytes, Handler handler) {
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be > 0");
        }
        this.maxMessageBytes = maxMessageBytes;
        this.handler = handler;
    }

    @Override
    public void onData(Stream stream, ByteBuf data) {
        if (pending.refCnt() == 0) {
            data.release();
            return;
        }
        pending.addComponent(true, data);
        while (true) {
            if (expected < 0) {
                expected = Uvarint.tryRead(pending, Uvarint.MAX_BYTES);
                if (expected < 0) {
                    break;
                }
                if (expected > maxMessageBytes) {
                    release();
                    throw new PeerFault(
                            FaultKind.FRAME_TOO_LARGE,
                            "message of " + expected + " bytes on " + stream.protocol() + ", limit " + maxMessageBytes);
                }
            }
            if (pending.readableBytes() < expected) {
                break;
            }
            ByteBuf message = pending.readBytes((int) expected);
            expected = -1;
            pending.discardReadComponents();
            handler.onMessage(stream, message);
        }
        pending.discardReadComponents();
    }

    @Override
    public void onRemoteClose(Stream stream) {
        boolean partial = pending.isReadable() || expected >= 0;
        release();
        handler.onEnd(stream, partial);
    }

    @Override
    public void onReset(Stream stream) {
        release();
        handler.onReset(stream);
    }

    private void release() {
        if (pending.refCnt() > 0) {
            pending.release();
        }
    }
}
