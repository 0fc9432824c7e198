package io.fedp2p.gossip.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Raw yamux frames for tests. */
final class YamuxFrames {
    private YamuxFrames() {}

    static ByteBuf frame(int type, int flags, int stream, long length, byte[] data) {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(0).writeByte(type).writeShort(flags).writeInt(stream).writeInt((int) length);
        if (data != null) {
            b.writeBytes(data);
        }
        return b;
    }

    static ByteBuf data(int stream, int flags, byte[] data) {
        return frame(YamuxFrame.TYPE_DATA, flags, stream, data.length, data);
    }

    static ByteBuf windowUpdate(int stream, int flags, long delta) {
        return frame(YamuxFrame.TYPE_WINDOW_UPDATE, flags, stream, delta, null);
    }
}
