package io.fedp2p.gossip.protocol;

import io.fedp2p.gossip.host.Connection;
import io.fedp2p.gossip.host.Direction;
import io.fedp2p.gossip.host.IdentifyInfo;
import io.fedp2p.gossip.host.Stream;
import io.fedp2p.gossip.host.StreamReader;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** An in-test {@link Stream}: data is pushed into its reader by the test, writes are recorded. Single-threaded. */
final class FakeStream implements Stream {
    final PeerId remote;
    final List<ByteBuf> written = new ArrayList<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    StreamReader reader;
    boolean wasReset;
    boolean closedWrite;

    FakeStream(PeerId remote) {
        this.remote = remote;
    }

    /** Delivers {@code data} to the reader as the host would. */
    void push(ByteBuf data) {
        reader.onData(this, data);
    }

    @Override
    public int id() {
        return 1;
    }

    @Override
    public String protocol() {
        return GossipService.ID;
    }

    @Override
    public Connection connection() {
        return new Connection() {
            @Override
            public PeerId remotePeer() {
                return remote;
            }

            @Override
            public Multiaddr remoteAddr() {
                return Multiaddr.parse("/ip4/127.0.0.1/tcp/1");
            }

            @Override
            public Direction direction() {
                return Direction.INBOUND;
            }

            @Override
            public CompletableFuture<Stream> newStream(String protocolId) {
                return CompletableFuture.failedFuture(new UnsupportedOperationException());
            }

            @Override
            public CompletableFuture<IdentifyInfo> identify() {
                return new CompletableFuture<>();
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public CompletableFuture<Void> close() {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> closeFuture() {
                return new CompletableFuture<>();
            }
        };
    }

    @Override
    public Executor executor() {
        return Runnable::run;
    }

    @Override
    public CompletableFuture<Void> write(ByteBuf data) {
        written.add(data);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> writeMessage(ByteBuf message) {
        return write(message);
    }

    @Override
    public CompletableFuture<Void> closeWrite() {
        closedWrite = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void reset() {
        wasReset = true;
        closed.complete(null);
    }

    @Override
    public void setReader(StreamReader r) {
        this.reader = r;
    }

    @Override
    public void pauseReading() {}

    @Override
    public void resumeReading() {}

    @Override
    public boolean isWritable() {
        return true;
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    void releaseWritten() {
        written.forEach(ByteBuf::release);
        written.clear();
    }
}
