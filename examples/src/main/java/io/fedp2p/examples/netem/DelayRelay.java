package io.fedp2p.examples.netem;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP relay that adds a fixed one-way latency in both directions: every connection accepted on {@code listen} is
 * paired with a new connection to {@code target}, and each byte reaches the other side {@code delay} after the relay
 * read it. Put one in front of a node's listening port and every connection to that node gets a round-trip time of
 * {@code 2 · delay} on top of the network's own. Packet loss and bandwidth are left to the kernel (nftables, {@code tc
 * tbf}): the relay sees a byte stream, after TCP has recovered what was lost.
 *
 * <p>This stands in for {@code netem} on kernels that do not have it. Thread-safe; {@link #close()} stops accepting
 * (connections already relayed end when either side closes them, or with the process).
 */
// SPEC-GAP: "100 ms latency" is read as 100 ms one way; one relay per listening node puts both directions of each
// connection through one delay line, so the round trip grows by 2 × delay.
public final class DelayRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DelayRelay.class);
    private static final long MAX_BUFFERED = 16L << 20;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final long delayNanos;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    private DelayRelay(ServerSocket server, InetSocketAddress target, Duration delay) {
        this.server = server;
        this.target = target;
        this.delayNanos = delay.toNanos();
    }

    /** Binds {@code listen} (port 0 for any) and starts relaying to {@code target} with {@code delay} each way. */
    public static DelayRelay start(InetSocketAddress listen, InetSocketAddress target, Duration delay)
            throws IOException {
        Objects.requireNonNull(target, "target");
        if (delay.isNegative()) throw new IllegalArgumentException("delay must be >= 0");
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(listen, 128);
        DelayRelay r = new DelayRelay(s, target, delay);
        Thread t = new Thread(r::acceptLoop, "relay-accept-" + s.getLocalPort());
        t.setDaemon(true);
        t.start();
        return r;
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Connections relayed so far. */
    public int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket in;
            try {
                in = server.accept();
            } catch (IOException e) {
                if (!closed) log.warn("relay stopped accepting: {}", e.toString());
                return;
            }
            try {
                relay(in);
            } catch (IOException e) {
                log.info("cannot reach {} for a relayed connection: {}", target, e.toString());
                closeQuietly(in);
            }
        }
    }

    private void relay(Socket in) throws IOException {
        Socket out = new Socket();
        out.connect(target, 10_000);
        in.setTcpNoDelay(true);
        out.setTcpNoDelay(true);
        int id = connections.incrementAndGet();
        AtomicInteger open = new AtomicInteger(2);
        Runnable done = () -> {
            if (open.decrementAndGet() == 0) {
                closeQuietly(in);
                closeQuietly(out);
            }
        };
        new DelayLine(delayNanos, MAX_BUFFERED).start("relay-" + id + "-in", in, out, done);
        new DelayLine(delayNanos, MAX_BUFFERED).start("relay-" + id + "-out", out, in, done);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
