package io.fedp2p.gossip.yamux;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;

/**
 * Splits the decrypted byte stream into {@link YamuxFrame}s (LIBP2P.md §7.1). Checks the version, the type and the
 * Data length against {@code maxDataBytes} before waiting for the payload; faults are thrown as a {@link
 * DecoderException} around the {@link PeerFault}. Data payloads are slices of the input, not copies: an unfinished
 * frame at the end of one buffer is joined with the next buffer when that continues it in memory (as the Noise
 * decoder's output does), and only when it does not are the bytes of that one frame copied. One per channel.
 */
public final class YamuxFrameDecoder extends ChannelInboundHandlerAdapter {
    private final int maxDataBytes;
    /** Undecoded bytes: the start of an unfinished frame, or null. */
    private ByteBuf pending;

    private boolean failed;

    public YamuxFrameDecoder(int maxDataBytes) {
        if (maxDataBytes <= 0) {
            throw new IllegalArgumentException("maxDataBytes must be > 0");
        }
        this.maxDataBytes = maxDataBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (failed) {
            in.release(); // the connection is closing after a fault
            return;
        }
        try {
            ByteBuf buf = in;
            if (pending != null) {
                buf = ContiguousBytes.join(pending, in);
                if (buf != null) {
                    pending = null;
                } else {
                    buf = bridge(ctx, in); // clears pending, or leaves a still unfinished frame there
                }
            }
            decode(ctx, buf);
        } catch (PeerFault e) {
            failed = true;
            releasePending();
            throw new DecoderException(e);
        }
    }

    /**
     * {@link #pending} does not continue in {@code in}: copies the bytes of the one unfinished frame (its rest taken
     * from {@code in}), passes that frame on, and returns what is left of {@code in}.
     */
    private ByteBuf bridge(ChannelHandlerContext ctx, ByteBuf in) {
        ByteBuf head = pending;
        pending = null;
        ByteBuf carry =
                ctx.alloc().heapBuffer(head.readableBytes() + Math.min(in.readableBytes(), YamuxFrame.HEADER_BYTES));
        try {
            carry.writeBytes(head);
            if (carry.readableBytes() < YamuxFrame.HEADER_BYTES) {
                carry.writeBytes(in, Math.min(in.readableBytes(), YamuxFrame.HEADER_BYTES - carry.readableBytes()));
            }
            if (carry.readableBytes() >= YamuxFrame.HEADER_BYTES) {
                long size = frameSize(carry);
                carry.writeBytes(in, (int) Math.min(in.readableBytes(), size - carry.readableBytes()));
            }
        } catch (RuntimeException e) {
            carry.release();
            in.release();
            throw e;
        } finally {
            head.release();
        }
        try {
            decode(ctx, carry);
        } catch (RuntimeException e) {
            in.release();
            throw e;
        }
        return in;
    }

    /** Passes on every whole frame of {@code buf} (which it owns) and keeps the rest in {@link #pending}. */
    private void decode(ChannelHandlerContext ctx, ByteBuf buf) {
        try {
            while (buf.readableBytes() >= YamuxFrame.HEADER_BYTES) {
                long size = frameSize(buf);
                if (buf.readableBytes() < size) {
                    break;
                }
                int start = buf.readerIndex();
                int type = buf.getUnsignedByte(start + 1);
                int flags = buf.getUnsignedShort(start + 2);
                int streamId = buf.getInt(start + 4);
                long length = buf.getUnsignedInt(start + 8);
                buf.skipBytes(YamuxFrame.HEADER_BYTES);
                ByteBuf data = type == YamuxFrame.TYPE_DATA ? buf.readRetainedSlice((int) length) : null;
                ctx.fireChannelRead(new YamuxFrame(type, flags, streamId, length, data));
                if (failed) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
        if (buf.isReadable() && !failed) {
            pending = buf;
        } else {
            buf.release();
        }
    }

    /**
     * Checks the header at the reader index and returns the frame's size on the wire.
     *
     * @throws PeerFault for a bad version or type, or a Data frame over {@code maxDataBytes}
     */
    private long frameSize(ByteBuf buf) {
        int start = buf.readerIndex();
        int version = buf.getUnsignedByte(start);
        int type = buf.getUnsignedByte(start + 1);
        long length = buf.getUnsignedInt(start + 8);
        if (version != 0) {
            throw new PeerFault(FaultKind.MALFORMED_FRAME, "yamux version " + version);
        }
        if (type > YamuxFrame.TYPE_GO_AWAY) {
            throw new PeerFault(FaultKind.MALFORMED_FRAME, "yamux frame type " + type);
        }
        if (type != YamuxFrame.TYPE_DATA) {
            return YamuxFrame.HEADER_BYTES;
        }
        if (length > maxDataBytes) {
            throw new PeerFault(
                    FaultKind.FRAME_TOO_LARGE, "yamux data frame of " + length + " bytes, limit " + maxDataBytes);
        }
        return YamuxFrame.HEADER_BYTES + length;
    }

    private void releasePending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releasePending();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releasePending();
        ctx.fireChannelInactive();
    }
}
