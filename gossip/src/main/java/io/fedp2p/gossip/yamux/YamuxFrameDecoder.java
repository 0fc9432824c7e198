package io.fedp2p.gossip.yamux;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the decrypted byte stream into {@link YamuxFrame}s (LIBP2P.md §7.1). Checks the version, the type and the
 * Data length against {@code maxDataBytes} before waiting for the payload. One per channel.
 */
public final class YamuxFrameDecoder extends ByteToMessageDecoder {
    private final int maxDataBytes;

    public YamuxFrameDecoder(int maxDataBytes) {
        if (maxDataBytes <= 0) {
            throw new IllegalArgumentException("maxDataBytes must be > 0");
        }
        this.maxDataBytes = maxDataBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= YamuxFrame.HEADER_BYTES) {
            int start = in.readerIndex();
            int version = in.getUnsignedByte(start);
            int type = in.getUnsignedByte(start + 1);
            int flags = in.getUnsignedShort(start + 2);
            int streamId = in.getInt(start + 4);
            long length = in.getUnsignedInt(start + 8);
            if (version != 0) {
                drop(in);
                throw new PeerFault(FaultKind.MALFORMED_FRAME, "yamux version " + version);
            }
            if (type > YamuxFrame.TYPE_GO_AWAY) {
                drop(in);
                throw new PeerFault(FaultKind.MALFORMED_FRAME, "yamux frame type " + type);
            }
            if (type != YamuxFrame.TYPE_DATA) {
                in.skipBytes(YamuxFrame.HEADER_BYTES);
                out.add(new YamuxFrame(type, flags, streamId, length, null));
                continue;
            }
            if (length > maxDataBytes) {
                drop(in);
                throw new PeerFault(
                        FaultKind.FRAME_TOO_LARGE, "yamux data frame of " + length + " bytes, limit " + maxDataBytes);
            }
            if (in.readableBytes() < YamuxFrame.HEADER_BYTES + length) {
                return;
            }
            in.skipBytes(YamuxFrame.HEADER_BYTES);
            out.add(new YamuxFrame(type, flags, streamId, length, in.readRetainedSlice((int) length)));
        }
    }

    private static void drop(ByteBuf in) {
        in.skipBytes(in.readableBytes());
    }
}
