package io.fedp2p.gossip.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * One yamux frame (LIBP2P.md §7.1). The 12-byte header, all big-endian:
 *
 * <pre>
 *  0       1       2       4          8          12
 *  +-------+-------+-------+----------+----------+---------------
 *  |version| type  | flags | streamId |  length  | data (Data only)
 *  +-------+-------+-------+----------+----------+---------------
 * </pre>
 *
 * The frame owns {@code data} (non-null for Data frames only); whoever consumes the frame releases it.
 */
final class YamuxFrame {
    static final int HEADER_BYTES = 12;

    static final int TYPE_DATA = 0;
    static final int TYPE_WINDOW_UPDATE = 1;
    static final int TYPE_PING = 2;
    static final int TYPE_GO_AWAY = 3;

    static final int FLAG_SYN = 0x1;
    static final int FLAG_ACK = 0x2;
    static final int FLAG_FIN = 0x4;
    static final int FLAG_RST = 0x8;

    static final int GO_AWAY_NORMAL = 0;
    static final int GO_AWAY_PROTOCOL_ERROR = 1;
    static final int GO_AWAY_INTERNAL_ERROR = 2;

    final int type;
    final int flags;
    final int streamId;
    final long length;
    final ByteBuf data;

    YamuxFrame(int type, int flags, int streamId, long length, ByteBuf data) {
        this.type = type;
        this.flags = flags;
        this.streamId = streamId;
        this.length = length;
        this.data = data;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    void release() {
        if (data != null) {
            data.release();
        }
    }

    /** Encodes a header; for Data frames the caller writes {@code length} payload bytes after it. */
    static ByteBuf header(ByteBufAllocator alloc, int type, int flags, int streamId, long length) {
        ByteBuf h = alloc.buffer(HEADER_BYTES);
        h.writeByte(0);
        h.writeByte(type);
        h.writeShort(flags);
        h.writeInt(streamId);
        h.writeInt((int) length);
        return h;
    }

    @Override
    public String toString() {
        return "YamuxFrame(type=" + type + ", flags=" + flags + ", stream=" + streamId + ", length=" + length + ")";
    }
}
