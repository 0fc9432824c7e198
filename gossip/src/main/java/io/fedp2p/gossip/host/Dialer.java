package io.fedp2p.gossip.host;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.multiaddr.Protocol;
import io.fedp2p.gossip.multiaddr.TcpEndpoint;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;

/** Opens outbound TCP connections: resolves dns4/dns6 off the event loop, connects, installs the pipeline. */
final class Dialer {
    /** Socket write buffer bounds: yamux stops sending above the high mark (backpressure to streams). */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);
    /** Socket reads of up to 256 KiB, so a bulk transfer takes fewer trips through the pipeline. */
    static final AdaptiveRecvByteBufAllocator RECV_ALLOCATOR =
            new AdaptiveRecvByteBufAllocator(2048, 16 * 1024, 256 * 1024);

    private final HostContext host;
    private final EventLoopGroup group;

    Dialer(HostContext host, EventLoopGroup group) {
        this.host = host;
        this.group = group;
    }

    CompletableFuture<Connection> dial(Multiaddr addr) {
        TcpEndpoint endpoint;
        try {
            endpoint = addr.tcpEndpoint();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        PeerId expected = addr.peerId().orElse(null);
        return resolve(endpoint).thenCompose(socket -> connect(socket, expected));
    }

    private CompletableFuture<Connection> connect(InetSocketAddress socket, PeerId expected) {
        CompletableFuture<Connection> ready = new CompletableFuture<>();
        if (!host.registry.admitChannel()) {
            ready.completeExceptionally(new StreamException("connection limit reached"));
            return ready;
        }
        Multiaddr remote = Multiaddr.fromSocketAddress(socket);
        ChannelInfo info = new ChannelInfo(Direction.OUTBOUND, expected, remote, ready);
        Bootstrap b = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .option(ChannelOption.RCVBUF_ALLOCATOR, RECV_ALLOCATOR)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        host.limits.handshakeTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Pipelines.install(ch, host, info);
                    }
                });
        ChannelFuture f = b.connect(socket);
        f.addListener(done -> {
            if (!done.isSuccess()) {
                host.registry.channelClosed(null, true);
                ready.completeExceptionally(done.cause());
            }
        });
        return ready;
    }

    private static CompletableFuture<InetSocketAddress> resolve(TcpEndpoint e) {
        if (e.family() == Protocol.IP4 || e.family() == Protocol.IP6) {
            try {
                // A literal: InetAddress parses it without any lookup.
                return CompletableFuture.completedFuture(
                        new InetSocketAddress(InetAddress.getByName(e.host()), e.port()));
            } catch (UnknownHostException ex) {
                return CompletableFuture.failedFuture(ex);
            }
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                for (InetAddress a : InetAddress.getAllByName(e.host())) {
                    boolean v4 = a instanceof Inet4Address;
                    boolean v6 = a instanceof Inet6Address;
                    if (e.family() == Protocol.DNS
                            || (e.family() == Protocol.DNS4 && v4)
                            || (e.family() == Protocol.DNS6 && v6)) {
                        return new InetSocketAddress(a, e.port());
                    }
                }
                throw new IllegalArgumentException("no " + e.family().textName() + " address for " + e.host());
            } catch (UnknownHostException ex) {
                throw new IllegalArgumentException("cannot resolve " + e.host() + ": " + ex.getMessage(), ex);
            }
        });
    }
}
