package io.fedp2p.gossip.testing;

import io.fedp2p.gossip.host.Stream;
import io.fedp2p.gossip.host.StreamHandler;
import io.fedp2p.gossip.host.StreamReader;
import io.netty.buffer.ByteBuf;

/** {@code /fedp2p/echo/1.0.0} for tests: echoes every byte, half-closes after the peer does. */
public final class EchoProtocol {
    public static final String ID = "/fedp2p/echo/1.0.0";

    private EchoProtocol() {}

    public static StreamHandler responder() {
        return stream -> stream.setReader(new StreamReader() {
            @Override
            public void onData(Stream s, ByteBuf data) {
                s.write(data);
            }

            @Override
            public void onRemoteClose(Stream s) {
                s.closeWrite();
            }
        });
    }
}
