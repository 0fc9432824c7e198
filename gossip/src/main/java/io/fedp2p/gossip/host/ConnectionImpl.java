package io.fedp2p.gossip.host;

import io.fedp2p.gossip.fault.FaultScope;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.mss.MssNegotiation;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.protocols.Identify;
import io.fedp2p.gossip.yamux.YamuxSession;
import io.fedp2p.gossip.yamux.YamuxStream;
import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A host connection: the yamux session's owner, inbound stream dispatch and outbound stream negotiation. */
final class ConnectionImpl implements Connection, YamuxSession.Listener {
    private static final Logger log = LoggerFactory.getLogger(ConnectionImpl.class);

    private final HostContext host;
    private final Channel channel;
    private final ChannelInfo info;
    private final PeerId peer;
    private final boolean initiator;
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private final AtomicReference<CompletableFuture<IdentifyInfo>> identify = new AtomicReference<>();
    private volatile YamuxSession session;
    private volatile boolean ready;

    ConnectionImpl(HostContext host, Channel channel, ChannelInfo info, boolean initiator) {
        this.host = host;
        this.channel = channel;
        this.info = info;
        this.peer = info.peer;
        this.initiator = initiator;
    }

    void attach(YamuxSession s) {
        this.session = s;
    }

    void markReady() {
        ready = true;
    }

    boolean isReady() {
        return ready;
    }

    void markClosed() {
        closeFuture.complete(null);
    }

    @Override
    public PeerId remotePeer() {
        return peer;
    }

    @Override
    public Multiaddr remoteAddr() {
        return info.remoteAddr;
    }

    @Override
    public Direction direction() {
        return info.direction;
    }

    @Override
    public boolean isOpen() {
        return channel.isActive() && !closeFuture.isDone();
    }

    @Override
    public CompletableFuture<Void> close() {
        YamuxSession s = session;
        if (s != null && channel.isActive()) {
            s.goAway();
        } else {
            channel.close();
        }
        return closeFuture;
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    @Override
    public CompletableFuture<Stream> newStream(String protocolId) {
        YamuxSession s = session;
        if (s == null || !isOpen()) {
            return CompletableFuture.failedFuture(new StreamException("connection to " + peer + " is closed"));
        }
        return s.openStream().thenCompose(stream -> {
            stream.connection(this);
            StreamNegotiator n = new StreamNegotiator(
                    stream, MssNegotiation.initiator(List.of(protocolId)), host.limits.maxMssLineBytes());
            return n.start(channel.eventLoop(), host.limits.negotiationTimeout())
                    .handle((protocol, error) -> {
                        if (error != null) {
                            stream.reset();
                            throw new StreamException(protocolId + " on " + peer + ": " + error.getMessage());
                        }
                        return (Stream) stream;
                    });
        });
    }

    @Override
    public CompletableFuture<IdentifyInfo> identify() {
        CompletableFuture<IdentifyInfo> f = identify.get();
        if (f == null) {
            CompletableFuture<IdentifyInfo> created = new CompletableFuture<>();
            if (identify.compareAndSet(null, created)) {
                Identify.request(this, host.limits.maxIdentifyBytes(), host.limits.negotiationTimeout())
                        .whenComplete((v, e) -> {
                            if (e != null) {
                                created.completeExceptionally(e);
                            } else {
                                created.complete(v);
                            }
                        });
            }
            f = identify.get();
        }
        return f;
    }

    @Override
    public void onInboundStream(YamuxStream stream) {
        stream.connection(this);
        StreamNegotiator n = new StreamNegotiator(
                stream,
                MssNegotiation.responder(host.protocols::supports, host.protocols::list),
                host.limits.maxMssLineBytes());
        n.start(channel.eventLoop(), host.limits.negotiationTimeout()).whenComplete((protocol, error) -> {
            if (error == null) {
                dispatch(stream, protocol);
            }
        });
    }

    private void dispatch(YamuxStream stream, String protocol) {
        StreamHandler handler = host.protocols.get(protocol);
        if (handler == null) {
            stream.reset();
            return;
        }
        try {
            handler.onStream(stream);
        } catch (PeerFault fault) {
            stream.reset();
            onStreamFault(stream, fault);
        } catch (RuntimeException e) {
            log.warn("handler of {} failed for {}; resetting the stream", protocol, peer, e);
            stream.reset();
        }
    }

    @Override
    public void onStreamFault(YamuxStream stream, PeerFault fault) {
        host.faults.report(
                info.peerId(),
                info.remoteAddr,
                fault.kind(),
                fault.getMessage() + " on stream " + stream.id() + " " + stream.protocol(),
                FaultScope.STREAM);
    }

    @Override
    public String toString() {
        return "Connection(" + peer + " at " + info.remoteAddr + ", " + info.direction + ")";
    }
}
