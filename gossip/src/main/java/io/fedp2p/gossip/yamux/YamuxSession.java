package io.fedp2p.gossip.yamux;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.host.StreamException;
import io.fedp2p.gossip.host.WireLimits;
import io.fedp2p.gossip.noise.NoiseTransportEncoder;
import io.fedp2p.gossip.noise.TransportCipher;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The yamux session of one connection (LIBP2P.md §7): stream table, flow control, Ping, Go Away. Consumes {@link
 * YamuxFrame}s from {@link YamuxFrameDecoder}; writes frames as plaintext to the Noise encoder in front of it. The
 * dialler is the client (odd stream ids). Event-loop confined except {@link #openStream()} and {@link #goAway()},
 * which hop onto the loop.
 */
public final class YamuxSession extends ChannelInboundHandlerAdapter {
    /** Initial window of every stream, both directions. */
    static final int INITIAL_WINDOW = WireLimits.INITIAL_WINDOW;
    /** Data per frame: header and payload fill exactly one Noise transport message. */
    static final int MAX_DATA_PAYLOAD = TransportCipher.MAX_PLAINTEXT - YamuxFrame.HEADER_BYTES;

    private static final Logger log = LoggerFactory.getLogger(YamuxSession.class);

    /** What the session tells its owner. Called on the event loop. */
    public interface Listener {
        /** A peer-opened stream, already acknowledged; the owner negotiates its protocol. */
        void onInboundStream(YamuxStream stream);

        /** A stream's reader refused the peer's data: the stream has been reset. */
        void onStreamFault(YamuxStream stream, PeerFault fault);
    }

    private final boolean client;
    private final WireLimits limits;
    private final Listener listener;
    private final Map<Integer, YamuxStream> streams = new HashMap<>();
    private final LinkedHashSet<YamuxStream> blocked = new LinkedHashSet<>();
    private ChannelHandlerContext ctx;
    /** The connection's Noise encoder (absent in tests that run yamux alone). */
    private NoiseTransportEncoder noise;

    private int nextId;
    private int lastInboundId;
    private int unacked;
    private boolean goAwaySent;
    private boolean failed;

    public YamuxSession(boolean client, WireLimits limits, Listener listener) {
        this.client = client;
        this.limits = limits;
        this.listener = listener;
        this.nextId = client ? 1 : 2;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.noise = ctx.pipeline().get(NoiseTransportEncoder.class);
    }

    EventLoop eventLoop() {
        return ctx.channel().eventLoop();
    }

    int maxWindow() {
        return limits.maxStreamWindowBytes();
    }

    boolean channelWritable() {
        return ctx.channel().isWritable();
    }

    /**
     * Opens an outbound stream (SYN with a zero window update, as js does).
     *
     * @return completed with the stream, or failed with {@link StreamException} when a limit or the session state
     *     forbids a new stream
     */
    public CompletableFuture<YamuxStream> openStream() {
        CompletableFuture<YamuxStream> f = new CompletableFuture<>();
        eventLoop().execute(() -> {
            try {
                f.complete(openOnLoop());
            } catch (StreamException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private YamuxStream openOnLoop() {
        if (goAwaySent || !ctx.channel().isActive()) {
            throw new StreamException("connection is closing");
        }
        if (streams.size() >= limits.maxStreamsPerConnection()) {
            throw new StreamException("stream limit " + limits.maxStreamsPerConnection() + " reached");
        }
        if (unacked >= limits.maxUnackedOutboundStreams()) {
            throw new StreamException(unacked + " streams still unacknowledged by the peer");
        }
        if (nextId < 0) {
            throw new StreamException("stream ids exhausted");
        }
        int id = nextId;
        nextId += 2;
        YamuxStream s = new YamuxStream(this, id, limits.maxQueuedWriteBytesPerStream(), false);
        streams.put(id, s);
        unacked++;
        write(YamuxFrame.TYPE_WINDOW_UPDATE, YamuxFrame.FLAG_SYN, id, 0);
        ctx.flush();
        return s;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof YamuxFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (failed) {
            frame.release(); // the connection is closing after a fault; frames decoded in the same read are dropped
            return;
        }
        try {
            handle(frame);
        } catch (PeerFault fault) {
            failed = true;
            if (!goAwaySent) {
                goAwaySent = true;
                write(YamuxFrame.TYPE_GO_AWAY, 0, 0, YamuxFrame.GO_AWAY_PROTOCOL_ERROR);
                ctx.flush();
            }
            throw fault;
        }
    }

    private void handle(YamuxFrame frame) {
        switch (frame.type) {
            case YamuxFrame.TYPE_PING:
                onPing(frame);
                return;
            case YamuxFrame.TYPE_GO_AWAY:
                // SPEC-GAP: yamux lets open streams finish after Go Away; js ends the session on any Go Away
                // (LIBP2P.md §7.4) and closes TCP, so we close at once too.
                log.debug("peer {} sent yamux Go Away {}", ctx.channel().remoteAddress(), frame.length);
                ctx.close();
                return;
            default:
                onStreamFrame(frame);
        }
    }

    /** Answers Ping SYN (js keep-alive, every 30 s); we send no pings, so an ACK needs nothing. */
    private void onPing(YamuxFrame frame) {
        if (frame.has(YamuxFrame.FLAG_SYN)) {
            write(YamuxFrame.TYPE_PING, YamuxFrame.FLAG_ACK, 0, frame.length);
            ctx.flush();
        }
    }

    private void onStreamFrame(YamuxFrame frame) {
        int id = frame.streamId;
        YamuxStream s = streams.get(id);
        if (frame.has(YamuxFrame.FLAG_SYN)) {
            s = acceptInbound(frame, s);
        }
        if (s == null) {
            frame.release(); // closed or unknown stream: ignore (js sends updates after FIN, LIBP2P.md §7.3)
            return;
        }
        if (frame.has(YamuxFrame.FLAG_ACK)) {
            s.onAck();
        }
        if (frame.type == YamuxFrame.TYPE_DATA) {
            s.onData(frame.data);
        } else if (frame.length > 0) {
            s.onWindowUpdate(frame.length);
        }
        if (frame.has(YamuxFrame.FLAG_RST)) {
            s.onRemoteReset();
        } else if (frame.has(YamuxFrame.FLAG_FIN)) {
            s.onRemoteFin();
        }
    }

    private YamuxStream acceptInbound(YamuxFrame frame, YamuxStream existing) {
        int id = frame.streamId;
        boolean peerParity = (id % 2 == 1) != client;
        if (id <= 0 || !peerParity || existing != null || id <= lastInboundId) {
            frame.release();
            throw new PeerFault(FaultKind.PROTOCOL_VIOLATION, "yamux SYN for invalid stream id " + id);
        }
        if (streams.size() >= limits.maxStreamsPerConnection()) {
            // SPEC-GAP: yamux lets a listener refuse a stream with RST (js does); a peer that exceeds our open-stream
            // limit is treated as flooding and disconnected, since it ignores the limit it would otherwise retry.
            frame.release();
            throw new PeerFault(FaultKind.RATE_LIMIT, "more than " + limits.maxStreamsPerConnection() + " streams");
        }
        lastInboundId = id;
        YamuxStream s = new YamuxStream(this, id, limits.maxQueuedWriteBytesPerStream(), true);
        streams.put(id, s);
        write(YamuxFrame.TYPE_WINDOW_UPDATE, YamuxFrame.FLAG_ACK, id, 0);
        ctx.flush();
        listener.onInboundStream(s);
        return s;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && !blocked.isEmpty()) {
            List<YamuxStream> ready = new ArrayList<>(blocked);
            blocked.clear();
            for (YamuxStream s : ready) {
                s.flushOutbound();
            }
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        List<YamuxStream> open = new ArrayList<>(streams.values());
        streams.clear();
        blocked.clear();
        for (YamuxStream s : open) {
            s.onConnectionClosed();
        }
        ctx.fireChannelInactive();
    }

    /**
     * Graceful close as js does it: FIN on every stream, Go Away (normal), then TCP close once written. SPEC-GAP:
     * we do not wait for streams to finish (js does not either); data queued behind a small window may be lost.
     */
    public void goAway() {
        eventLoop().execute(() -> {
            if (goAwaySent) {
                ctx.close();
                return;
            }
            for (YamuxStream s : new ArrayList<>(streams.values())) {
                s.closeWrite();
            }
            goAwaySent = true;
            ByteBuf h = YamuxFrame.header(ctx.alloc(), YamuxFrame.TYPE_GO_AWAY, 0, 0, YamuxFrame.GO_AWAY_NORMAL);
            ctx.writeAndFlush(h).addListener(ChannelFutureListener.CLOSE);
        });
    }

    void writeData(int id, int flags, ByteBuf payload, CompletableFuture<Void> done) {
        ctx.write(
                YamuxFrame.header(ctx.alloc(), YamuxFrame.TYPE_DATA, flags, id, payload.readableBytes()),
                ctx.voidPromise());
        if (done == null) {
            ctx.write(payload, ctx.voidPromise());
        } else {
            ctx.write(payload).addListener(f -> {
                if (f.isSuccess()) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(new StreamException("write failed: " + f.cause()));
                }
            });
        }
    }

    void writeWindowUpdate(int id, int flags, long delta) {
        write(YamuxFrame.TYPE_WINDOW_UPDATE, flags, id, delta);
        if (delta > 0 && noise != null) {
            noise.flushPromptly(); // the peer's sender may be waiting for it
        }
    }

    private void write(int type, int flags, int id, long length) {
        ctx.write(YamuxFrame.header(ctx.alloc(), type, flags, id, length), ctx.voidPromise());
    }

    void flush() {
        ctx.flush();
    }

    void waitForWritable(YamuxStream s) {
        blocked.add(s);
    }

    void streamAcked() {
        unacked--;
    }

    void removeStream(YamuxStream s) {
        if (streams.remove(s.id(), s) && !s.isAcked()) {
            unacked--;
        }
        blocked.remove(s);
    }

    void streamFault(YamuxStream s, PeerFault fault) {
        s.reset();
        listener.onStreamFault(s, fault);
    }

    void streamInternalError(YamuxStream s, RuntimeException e) {
        log.warn(
                "stream handler failed on {} stream {}; resetting it",
                ctx.channel().remoteAddress(),
                s.id(),
                e);
        s.reset();
    }

    /** Open streams, for tests and diagnostics. */
    public int streamCount() {
        return streams.size();
    }
}
