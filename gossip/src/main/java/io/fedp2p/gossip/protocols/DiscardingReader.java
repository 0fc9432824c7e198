package io.fedp2p.gossip.protocols;

import io.fedp2p.gossip.host.Stream;
import io.fedp2p.gossip.host.StreamReader;
import io.netty.buffer.ByteBuf;

/** Drops whatever the peer sends (protocols where the peer has nothing to say). */
final class DiscardingReader implements StreamReader {
    @Override
    public void onData(Stream stream, ByteBuf data) {
        data.release();
    }
}
