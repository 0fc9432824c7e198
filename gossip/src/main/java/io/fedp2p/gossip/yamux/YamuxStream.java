package io.fedp2p.gossip.yamux;

import io.fedp2p.gossip.encoding.Uvarint;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.host.Connection;
import io.fedp2p.gossip.host.Stream;
import io.fedp2p.gossip.host.StreamException;
import io.fedp2p.gossip.host.StreamReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One yamux stream (LIBP2P.md §7.2–7.3). All state is confined to the connection's event loop; public methods hop
 * onto it. Receive side: data not yet handed to the reader stays in {@code inbound}, and {@link ReceiveWindow}
 * grants window back as the reader consumes. Send side: writes wait in a {@link SendQueue} until the peer's window
 * and the socket allow them.
 */
public final class YamuxStream implements Stream {
    private final YamuxSession session;
    private final EventLoop loop;
    private final int id;
    private final int maxQueuedWriteBytes;
    private final ArrayDeque<ByteBuf> inbound = new ArrayDeque<>();
    private final SendQueue outbound = new SendQueue();
    private final ReceiveWindow window;
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private final CompletableFuture<Void> finFuture = new CompletableFuture<>();

    private volatile String protocol = "";
    private volatile Connection connection;
    private StreamReader reader;
    private boolean paused;
    private long sendWindow = YamuxSession.INITIAL_WINDOW;
    private long buffered;
    private boolean remoteFin;
    private boolean remoteFinDelivered;
    private boolean finRequested;
    private boolean finSent;
    private boolean reset;
    private boolean acked;

    YamuxStream(YamuxSession session, int id, int maxQueuedWriteBytes, boolean acked) {
        this.session = session;
        this.loop = session.eventLoop();
        this.id = id;
        this.maxQueuedWriteBytes = maxQueuedWriteBytes;
        this.acked = acked;
        this.window = new ReceiveWindow(session.maxWindow());
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    /** Set by the host once multistream-select chose the protocol. */
    public void protocol(String negotiated) {
        this.protocol = negotiated;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    /** Set by the host when the stream is created. */
    public void connection(Connection c) {
        this.connection = c;
    }

    @Override
    public Executor executor() {
        return loop;
    }

    @Override
    public boolean isWritable() {
        return outbound.queuedBytes() <= maxQueuedWriteBytes;
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    @Override
    public CompletableFuture<Void> writeMessage(ByteBuf message) {
        byte[] prefix = Uvarint.encode(message.readableBytes());
        return write(Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(prefix), message));
    }

    @Override
    public CompletableFuture<Void> write(ByteBuf data) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (loop.inEventLoop()) {
            enqueue(data, f);
        } else {
            loop.execute(() -> enqueue(data, f));
        }
        return f;
    }

    private void enqueue(ByteBuf data, CompletableFuture<Void> f) {
        if (reset || finRequested) {
            data.release();
            f.completeExceptionally(new StreamException("stream " + id + (reset ? " was reset" : " is closed")));
            return;
        }
        if (outbound.queuedBytes() > maxQueuedWriteBytes) {
            data.release();
            f.completeExceptionally(new StreamException("stream " + id + " write queue full (" + outbound.queuedBytes()
                    + " bytes pending); wait for earlier writes to complete"));
            return;
        }
        outbound.add(data, f);
        flushOutbound();
    }

    @Override
    public CompletableFuture<Void> closeWrite() {
        if (loop.inEventLoop()) {
            requestFin();
        } else {
            loop.execute(this::requestFin);
        }
        return finFuture;
    }

    private void requestFin() {
        if (!reset && !finRequested) {
            finRequested = true;
            flushOutbound();
        }
    }

    /** Sends what the window and the socket allow; called again on window updates and socket writability. */
    void flushOutbound() {
        if (reset || finSent) {
            return;
        }
        boolean wrote = false;
        while (!outbound.isEmpty() && session.channelWritable()) {
            int readable = outbound.headBytes();
            if (readable > 0 && sendWindow <= 0) {
                break;
            }
            int n = (int) Math.min(Math.min(readable, sendWindow), YamuxSession.MAX_DATA_PAYLOAD);
            SendQueue.Chunk chunk = outbound.take(n);
            boolean fin = chunk.last() && finRequested;
            sendWindow -= n;
            session.writeData(id, fin ? YamuxFrame.FLAG_FIN : 0, chunk.slice(), chunk.completes());
            wrote = true;
            if (fin) {
                markFinSent();
            }
        }
        if (outbound.isEmpty() && finRequested && !finSent) {
            session.writeWindowUpdate(id, YamuxFrame.FLAG_FIN, 0);
            wrote = true;
            markFinSent();
        }
        if (!outbound.isEmpty() && sendWindow > 0 && !session.channelWritable()) {
            session.waitForWritable(this);
        }
        if (wrote) {
            session.flush();
        }
    }

    private void markFinSent() {
        finSent = true;
        finFuture.complete(null);
        maybeFullyClosed();
    }

    void onWindowUpdate(long delta) {
        sendWindow += delta;
        flushOutbound();
    }

    void onAck() {
        if (!acked) {
            acked = true;
            session.streamAcked();
        }
    }

    boolean isAcked() {
        return acked;
    }

    /** A Data frame: checks the window, then delivers or buffers. Ownership of {@code data} passes here. */
    void onData(ByteBuf data) {
        int len = data.readableBytes();
        try {
            window.onData(id, len);
        } catch (PeerFault fault) {
            data.release();
            throw fault;
        }
        if (len == 0 || reset || remoteFin) {
            data.release();
            return;
        }
        inbound.add(data);
        buffered += len;
        drainInbound();
    }

    void onRemoteFin() {
        if (remoteFin) {
            return;
        }
        remoteFin = true;
        drainInbound();
        maybeFullyClosed();
    }

    /** Delivers buffered data (and a pending end of stream) to the reader while not paused. */
    private void drainInbound() {
        while (reader != null && !paused && !reset && !inbound.isEmpty()) {
            ByteBuf data = inbound.poll();
            buffered -= data.readableBytes();
            StreamReader r = reader;
            if (!callReader(() -> r.onData(this, data))) {
                return;
            }
        }
        if (reader != null && !paused && !reset && remoteFin && inbound.isEmpty() && !remoteFinDelivered) {
            remoteFinDelivered = true;
            StreamReader r = reader;
            if (!callReader(() -> r.onRemoteClose(this))) {
                return;
            }
        }
        maybeGrantWindow();
    }

    /** Runs a reader callback; a fault resets the stream (and is reported). False when the stream was reset. */
    private boolean callReader(Runnable call) {
        try {
            call.run();
            return true;
        } catch (PeerFault fault) {
            session.streamFault(this, fault);
        } catch (RuntimeException e) {
            session.streamInternalError(this, e);
        }
        return false;
    }

    private void maybeGrantWindow() {
        if (reset || remoteFin) {
            return;
        }
        long delta = window.grant(buffered);
        if (delta > 0) {
            session.writeWindowUpdate(id, 0, delta);
            session.flush();
        }
    }

    /**
     * Puts bytes back in front of the unread data: multistream-select hands the bytes that followed the chosen
     * protocol line to the protocol's reader this way. Event loop only.
     */
    public void unread(ByteBuf data) {
        if (reset || !data.isReadable()) {
            data.release();
            return;
        }
        buffered += data.readableBytes();
        inbound.addFirst(data);
    }

    /** Sets the reader; null buffers incoming data (within the window) until a reader is set. */
    @Override
    public void setReader(StreamReader r) {
        if (loop.inEventLoop()) {
            this.reader = r;
            loop.execute(this::drainInbound);
        } else {
            loop.execute(() -> {
                this.reader = r;
                drainInbound();
            });
        }
    }

    @Override
    public void pauseReading() {
        if (loop.inEventLoop()) {
            paused = true;
        } else {
            loop.execute(() -> paused = true);
        }
    }

    @Override
    public void resumeReading() {
        loop.execute(() -> {
            paused = false;
            drainInbound();
        });
    }

    @Override
    public void reset() {
        if (loop.inEventLoop()) {
            localReset();
        } else {
            loop.execute(this::localReset);
        }
    }

    private void localReset() {
        if (reset || (finSent && remoteFin)) {
            return;
        }
        session.writeWindowUpdate(id, YamuxFrame.FLAG_RST, 0);
        session.flush();
        terminate("reset locally");
    }

    void onRemoteReset() {
        terminate("reset by peer");
    }

    /** The connection closed: streams that got the peer's FIN keep their data; others count as reset. */
    void onConnectionClosed() {
        if (remoteFin && !reset) {
            outbound.failAll("stream " + id + " connection closed");
            finFuture.completeExceptionally(new StreamException("stream " + id + " connection closed"));
            closeFuture.complete(null);
            return;
        }
        terminate("connection closed");
    }

    private void terminate(String why) {
        if (reset) {
            return;
        }
        reset = true;
        outbound.failAll("stream " + id + " " + why);
        finFuture.completeExceptionally(new StreamException("stream " + id + " " + why));
        while (!inbound.isEmpty()) {
            ReferenceCountUtil.release(inbound.poll());
        }
        buffered = 0;
        session.removeStream(this);
        StreamReader r = reader;
        if (r != null) {
            callReader(() -> r.onReset(this));
        }
        closeFuture.complete(null);
    }

    private void maybeFullyClosed() {
        if (finSent && remoteFin && !reset) {
            session.removeStream(this);
            closeFuture.complete(null);
        }
    }

    boolean isReset() {
        return reset;
    }

    @Override
    public String toString() {
        return "YamuxStream(" + id + ", " + protocol + ")";
    }
}
