package io.fedp2p.gossip.host;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.FaultScope;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.protocols.Identify;
import io.fedp2p.gossip.protocols.Perf;
import io.fedp2p.gossip.protocols.Ping;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A libp2p host over TCP (LIBP2P.md §4): listens and dials, authenticates peers with Noise, multiplexes with yamux,
 * serves identify and ping (and perf when enabled), and dispatches inbound streams to registered protocol handlers.
 *
 * <p>Thread-safe. Callbacks (stream handlers, readers, connection listeners, the fault sink) run on Netty event
 * loops and must not block. Peer misbehaviour closes only that peer's connection (or stream), is logged once,
 * counted ({@link #faultCounts()}) and reported to the configured {@link io.fedp2p.gossip.fault.FaultSink}.
 *
 * <pre>{@code
 * Host host = Host.create(HostConfig.of(Identity.generate(new SecureRandom())));
 * host.setStreamHandler("/fedp2p/echo/1.0.0", stream -> stream.setReader(...));
 * Multiaddr me = host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).join();
 * Stream s = host.newStream(Multiaddr.parse(peerAddr), "/fedp2p/echo/1.0.0").join();
 * }</pre>
 */
public final class Host implements AutoCloseable {
    private final HostContext ctx;
    private final EventLoopGroup group;
    private final List<Channel> servers = new CopyOnWriteArrayList<>();
    private final List<Multiaddr> listenAddrs = new CopyOnWriteArrayList<>();
    private final Dialer dialer;
    private volatile boolean closed;

    private Host(HostConfig config) {
        SecureRandom random = new SecureRandom();
        this.ctx = new HostContext(config, random, () -> List.copyOf(listenAddrs));
        this.group = new MultiThreadIoEventLoopGroup(config.ioThreads(), NioIoHandler.newFactory());
        this.dialer = new Dialer(ctx, group);
        ctx.protocols.put(Ping.ID, Ping.responder());
        ctx.protocols.put(
                Identify.ID,
                Identify.responder(stream -> Identify.message(
                        config.identity().publicKey(),
                        listenAddrs(),
                        ctx.protocols.list(),
                        stream.connection().remoteAddr(),
                        config.agentVersion())));
        if (config.enablePerf()) {
            ctx.protocols.put(Perf.ID, Perf.responder(config.limits().maxPerfBytes()));
        }
    }

    /** Starts a host (event loops only; call {@link #listen} to accept connections). */
    public static Host create(HostConfig config) {
        return new Host(config);
    }

    public PeerId peerId() {
        return ctx.identity.peerId();
    }

    /** The identity key, for signing application messages ({@link Identity#sign}). */
    public Identity identity() {
        return ctx.identity;
    }

    public HostConfig config() {
        return ctx.config;
    }

    /**
     * Listens on {@code /ip4/<addr>/tcp/<port>} or {@code /ip6/...}; port 0 picks a free port.
     *
     * @return the bound address with {@code /p2p/<own id>} appended
     */
    public CompletableFuture<Multiaddr> listen(Multiaddr addr) {
        var endpoint = addr.tcpEndpoint();
        if (endpoint.family() != io.fedp2p.gossip.multiaddr.Protocol.IP4
                && endpoint.family() != io.fedp2p.gossip.multiaddr.Protocol.IP6) {
            throw new IllegalArgumentException("listen needs an /ip4 or /ip6 address, got " + addr);
        }
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 256)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, Dialer.WATER_MARK)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, Dialer.RECV_ALLOCATOR)
                .childHandler(new Pipelines.Inbound(ctx));
        CompletableFuture<Multiaddr> result = new CompletableFuture<>();
        b.bind(new InetSocketAddress(endpoint.host(), endpoint.port())).addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
                return;
            }
            Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
            servers.add(ch);
            Multiaddr bound = Multiaddr.fromSocketAddress((InetSocketAddress) ch.localAddress());
            listenAddrs.add(bound);
            result.complete(bound.withPeerId(peerId()));
        });
        return result;
    }

    /**
     * Addresses this host listens on (without {@code /p2p}), as bound; SPEC-GAP: a wildcard bind
     * ({@code /ip4/0.0.0.0}) is reported as such, not expanded to interface addresses.
     */
    public List<Multiaddr> listenAddrs() {
        return List.copyOf(listenAddrs);
    }

    /**
     * Connects to {@code addr} ({@code /ip4|ip6|dns4|dns6/HOST/tcp/PORT[/p2p/ID]}). With a {@code /p2p} id, an
     * open connection to that peer is reused, and a new one fails with {@link
     * io.fedp2p.gossip.fault.PeerFault} ({@link FaultKind#WRONG_PEER_ID}) if the remote key does not match.
     */
    public CompletableFuture<Connection> dial(Multiaddr addr) {
        if (closed) {
            return CompletableFuture.failedFuture(new StreamException("host is closed"));
        }
        Optional<PeerId> expected = addr.peerId();
        if (expected.isPresent()) {
            if (expected.get().equals(peerId())) {
                return CompletableFuture.failedFuture(new StreamException("cannot dial self"));
            }
            if (isBanned(expected.get())) {
                return CompletableFuture.failedFuture(new StreamException("peer " + expected.get() + " is banned"));
            }
            List<Connection> open = ctx.registry.ready(expected.get());
            if (!open.isEmpty()) {
                return CompletableFuture.completedFuture(open.get(0));
            }
        }
        return dialer.dial(addr);
    }

    /** Opens a stream for {@code protocolId} on an open connection to {@code peer}. */
    public CompletableFuture<Stream> newStream(PeerId peer, String protocolId) {
        List<Connection> open = ctx.registry.ready(peer);
        if (open.isEmpty()) {
            return CompletableFuture.failedFuture(new StreamException("not connected to " + peer));
        }
        return open.get(0).newStream(protocolId);
    }

    /** Dials {@code addr} if needed (see {@link #dial}) and opens a stream for {@code protocolId}. */
    public CompletableFuture<Stream> newStream(Multiaddr addr, String protocolId) {
        return dial(addr).thenCompose(c -> c.newStream(protocolId));
    }

    /** Serves {@code protocolId}: inbound streams negotiated to it go to {@code handler}. Replaces any previous. */
    public void setStreamHandler(String protocolId, StreamHandler handler) {
        ctx.protocols.put(protocolId, handler);
    }

    public void removeStreamHandler(String protocolId) {
        ctx.protocols.remove(protocolId);
    }

    /** Protocol ids served, sorted (what identify advertises). */
    public List<String> protocols() {
        return ctx.protocols.list();
    }

    /** Open connections, ordered by peer id. */
    public List<Connection> connections() {
        return ctx.registry.all();
    }

    public List<Connection> connections(PeerId peer) {
        return ctx.registry.ready(peer);
    }

    public void addConnectionListener(ConnectionListener listener) {
        ctx.listeners.add(listener);
    }

    public void removeConnectionListener(ConnectionListener listener) {
        ctx.listeners.remove(listener);
    }

    /**
     * Reports a fault the layer above found (bad signature, invalid update…): counted and passed to the fault sink
     * with {@link FaultScope#APPLICATION}; the host itself takes no action (call {@link #ban} for that).
     */
    public void reportFault(PeerId peer, FaultKind kind, String detail) {
        List<Connection> open = ctx.registry.ready(peer);
        Multiaddr where =
                open.isEmpty() ? Multiaddr.parse("/p2p/" + peer) : open.get(0).remoteAddr();
        ctx.faults.report(Optional.of(peer), where, kind, detail, FaultScope.APPLICATION);
    }

    /** Faults seen so far by kind (connection, stream and application scope together). */
    public Map<FaultKind, Long> faultCounts() {
        return ctx.faults.snapshot();
    }

    /** Closes every connection to {@code peer} and refuses its future inbound connections and our dials to it. */
    public void ban(PeerId peer, String reason) {
        ctx.banned.add(peer);
        org.slf4j.LoggerFactory.getLogger(Host.class).info("banning peer {}: {}", peer, reason);
        for (Connection c : ctx.registry.ready(peer)) {
            c.close();
        }
    }

    public void unban(PeerId peer) {
        ctx.banned.remove(peer);
    }

    public boolean isBanned(PeerId peer) {
        return ctx.banned.contains(peer);
    }

    /** Closes every connection to {@code peer} (no ban). */
    public CompletableFuture<Void> disconnect(PeerId peer) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Connection c : ctx.registry.ready(peer)) {
            all.add(c.close());
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture<?>[]::new));
    }

    /** Bytes exchanged with {@code peer} so far, over all its connections. */
    public TrafficStats traffic(PeerId peer) {
        HostContext.PeerTraffic t = ctx.traffic.get(peer);
        return t == null ? TrafficStats.ZERO : t.snapshot();
    }

    /** Bytes exchanged with every peer seen so far, ordered by peer id. */
    public Map<PeerId, TrafficStats> traffic() {
        Map<PeerId, TrafficStats> out = new TreeMap<>();
        ctx.traffic.forEach((p, t) -> out.put(p, t.snapshot()));
        return out;
    }

    /** One {@code /ipfs/ping/1.0.0} round trip on a new stream of {@code connection}. */
    public CompletableFuture<Duration> ping(Connection connection) {
        return Ping.ping(connection, ctx.random, ctx.limits.negotiationTimeout());
    }

    /** Closes gracefully: stops listening, closes every connection (Go Away), stops the event loops. */
    public CompletableFuture<Void> closeAsync() {
        closed = true;
        for (Channel s : servers) {
            s.close();
        }
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Connection c : ctx.registry.all()) {
            all.add(c.close());
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.allOf(all.toArray(CompletableFuture<?>[]::new))
                .orTimeout(2, TimeUnit.SECONDS)
                .whenComplete((v, e) ->
                        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).addListener(f -> done.complete(null)));
        return done;
    }

    @Override
    public void close() {
        closeAsync().join();
    }
}
