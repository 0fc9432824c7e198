package io.fedp2p.examples.netem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One direction of a relayed connection: a reader thread stamps every chunk it reads with the time it is due ({@code
 * read time + delay}) and a writer thread writes it out no earlier. Chunks keep their order, so the stream is a
 * faithful delay line; at most {@code maxBuffered} bytes wait in it, after which the reader stops reading and TCP's
 * flow control pushes back on the sender (a bounded bandwidth-delay product, as in a router queue).
 */
final class DelayLine {
    private static final int CHUNK = 64 * 1024;
    private static final byte[] EOF = new byte[0];

    private record Item(long dueNanos, byte[] bytes) {}

    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final long delayNanos;
    private final long maxBuffered;
    private final Object lock = new Object();
    private long buffered;

    DelayLine(long delayNanos, long maxBuffered) {
        this.delayNanos = delayNanos;
        this.maxBuffered = maxBuffered;
    }

    /** Starts the two threads; {@code onDone} runs once when this direction ends, normally or not. */
    void start(String name, Socket from, Socket to, Runnable onDone) {
        Thread reader = new Thread(() -> read(from), name + "-read");
        Thread writer = new Thread(
                () -> {
                    try {
                        write(to);
                    } finally {
                        onDone.run();
                    }
                },
                name + "-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private void read(Socket from) {
        try {
            InputStream in = from.getInputStream();
            byte[] buf = new byte[CHUNK];
            while (true) {
                int n = in.read(buf);
                if (n < 0) break;
                byte[] copy = java.util.Arrays.copyOf(buf, n);
                synchronized (lock) {
                    while (buffered + n > maxBuffered && buffered > 0) lock.wait();
                    buffered += n;
                }
                queue.put(new Item(System.nanoTime() + delayNanos, copy));
            }
        } catch (IOException | InterruptedException e) {
            // the connection is closing
        }
        queue.add(new Item(System.nanoTime() + delayNanos, EOF));
    }

    private void write(Socket to) {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Item item = queue.take();
                long wait = item.dueNanos - System.nanoTime();
                while (wait > 0) {
                    LockSupport.parkNanos(wait);
                    wait = item.dueNanos - System.nanoTime();
                }
                if (item.bytes == EOF) {
                    to.shutdownOutput();
                    return;
                }
                out.write(item.bytes);
                if (queue.isEmpty()) out.flush();
                synchronized (lock) {
                    buffered -= item.bytes.length;
                    lock.notifyAll();
                }
            }
        } catch (IOException | InterruptedException e) {
            // the other side went away
        }
    }

    static long millisToNanos(long ms) {
        return TimeUnit.MILLISECONDS.toNanos(ms);
    }
}
