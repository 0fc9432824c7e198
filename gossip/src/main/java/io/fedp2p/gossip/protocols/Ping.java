package io.fedp2p.gossip.protocols;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.host.Connection;
import io.fedp2p.gossip.host.Stream;
import io.fedp2p.gossip.host.StreamException;
import io.fedp2p.gossip.host.StreamHandler;
import io.fedp2p.gossip.host.StreamReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code /ipfs/ping/1.0.0} (LIBP2P.md §10). The responder echoes 32-byte blocks until the opener half-closes, then
 * half-closes at once (js's connection monitor depends on that). The client uses one stream per ping, as js does.
 */
public final class Ping {
    public static final String ID = "/ipfs/ping/1.0.0";
    static final int SIZE = 32;

    private Ping() {}

    /** Concurrent inbound ping streams allowed per connection (js allows 2 as well, LIBP2P.md §10). */
    static final int MAX_INBOUND_PER_CONNECTION = 2;

    /** The responder; a third concurrent ping stream on one connection is reset. */
    public static StreamHandler responder() {
        Map<Connection, AtomicInteger> active = new ConcurrentHashMap<>();
        return stream -> {
            Connection c = stream.connection();
            AtomicInteger n = active.computeIfAbsent(c, k -> {
                k.closeFuture().whenComplete((v, e) -> active.remove(k));
                return new AtomicInteger();
            });
            if (n.incrementAndGet() > MAX_INBOUND_PER_CONNECTION) {
                n.decrementAndGet();
                stream.reset();
                return;
            }
            stream.closeFuture().whenComplete((v, e) -> n.decrementAndGet());
            stream.setReader(new Echo());
        };
    }

    private static final class Echo implements StreamReader {
        private final CompositeByteBuf pending = Unpooled.compositeBuffer();

        @Override
        public void onData(Stream stream, ByteBuf data) {
            if (pending.refCnt() == 0) {
                data.release();
                return;
            }
            pending.addComponent(true, data);
            while (pending.readableBytes() >= SIZE) {
                stream.write(pending.readBytes(SIZE));
            }
            pending.discardReadComponents();
        }

        @Override
        public void onRemoteClose(Stream stream) {
            if (pending.refCnt() > 0) {
                pending.release();
            }
            stream.closeWrite();
        }

        @Override
        public void onReset(Stream stream) {
            if (pending.refCnt() > 0) {
                pending.release();
            }
        }
    }

    /** One ping on a new stream: round-trip time from the write to the full, checked echo. */
    public static CompletableFuture<Duration> ping(Connection connection, SecureRandom random, Duration timeout) {
        byte[] payload = new byte[SIZE];
        random.nextBytes(payload);
        return connection.newStream(ID).thenCompose(stream -> {
            CompletableFuture<Duration> result = new CompletableFuture<>();
            CompositeByteBuf echo = Unpooled.compositeBuffer();
            long[] start = new long[1];
            stream.setReader(new StreamReader() {
                @Override
                public void onData(Stream s, ByteBuf data) {
                    if (echo.refCnt() == 0 || result.isDone()) {
                        data.release();
                        return;
                    }
                    echo.addComponent(true, data);
                    if (echo.readableBytes() > SIZE) {
                        throw new PeerFault(FaultKind.PROTOCOL_VIOLATION, "ping echo longer than 32 bytes");
                    }
                    if (echo.readableBytes() == SIZE) {
                        long elapsed = System.nanoTime() - start[0];
                        if (!Arrays.equals(ByteBufUtil.getBytes(echo), payload)) {
                            result.completeExceptionally(new PeerFault(FaultKind.BAD_PAYLOAD, "ping echo differs"));
                        } else {
                            result.complete(Duration.ofNanos(elapsed));
                        }
                    }
                }

                @Override
                public void onRemoteClose(Stream s) {
                    result.completeExceptionally(new StreamException("ping stream closed before the echo"));
                }

                @Override
                public void onReset(Stream s) {
                    result.completeExceptionally(new StreamException("ping stream reset"));
                }
            });
            start[0] = System.nanoTime();
            stream.write(Unpooled.wrappedBuffer(payload));
            stream.closeWrite();
            return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((v, e) -> {
                stream.executor().execute(echo::release);
                if (e != null) {
                    stream.reset();
                }
            });
        });
    }
}
