package io.fedp2p.gossip.pex;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.host.Host;
import io.fedp2p.gossip.host.MessageReader;
import io.fedp2p.gossip.host.Stream;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.peers.RateLimiter;
import io.fedp2p.gossip.proto.PexProtos;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code /fedp2p/pex/1.0.0}: the opener writes one {@code PexRequest}, the responder answers with one {@code
 * PexResponse} of at most {@code maxPeers} records of at most {@code maxAddrs} addresses and half-closes. A requester
 * asking more often than its rate allows gets a reset stream and a {@link FaultKind#RATE_LIMIT} fault. Answers are
 * validated entry by entry; a malformed answer is a {@link FaultKind#BAD_PAYLOAD} fault. Addresses are hints: dialing
 * them still authenticates the peer id. Thread-safe; the {@link Source} is called on Netty event loops.
 */
public final class PeerExchange {
    public static final String ID = "/fedp2p/pex/1.0.0";
    private static final int MAX_REQUEST_BYTES = 32;
    private static final int MAX_ADDR_BYTES = 300;

    /** A peer and where it listens. */
    public record PeerInfo(PeerId peer, List<Multiaddr> addrs) {
        public PeerInfo {
            Objects.requireNonNull(peer, "peer");
            addrs = List.copyOf(addrs);
        }
    }

    /** What this node shares: thread-safe, non-blocking. */
    @FunctionalInterface
    public interface Source {
        List<PeerInfo> peersFor(PeerId requester, int max);
    }

    private final Host host;
    private final Source source;
    private final RateLimiter limiter;
    private final int maxPeers;
    private final int maxAddrs;

    /**
     * @param limiter requests per requester (e.g. capacity 2, one every 10 s)
     */
    public PeerExchange(Host host, Source source, RateLimiter limiter, int maxPeers, int maxAddrs) {
        if (maxPeers < 1 || maxAddrs < 1) throw new IllegalArgumentException("maxPeers and maxAddrs must be >= 1");
        this.host = host;
        this.source = source;
        this.limiter = limiter;
        this.maxPeers = maxPeers;
        this.maxAddrs = maxAddrs;
    }

    /** Serves peer exchange on the host. */
    public void start() {
        host.setStreamHandler(ID, stream -> stream.setReader(new MessageReader(MAX_REQUEST_BYTES, this::answer)));
    }

    private void answer(Stream stream, ByteBuf message) {
        PexProtos.PexRequest req;
        try {
            req = PexProtos.PexRequest.parseFrom(message.nioBuffer());
        } catch (InvalidProtocolBufferException e) {
            throw new PeerFault(FaultKind.MALFORMED_FRAME, "malformed pex request");
        } finally {
            message.release();
        }
        if (!limiter.tryAcquire(stream.remotePeer(), 1)) {
            throw new PeerFault(FaultKind.RATE_LIMIT, "pex requests too frequent");
        }
        int n = Math.min(maxPeers, Math.max(0, req.getMaxPeers()));
        PexProtos.PexResponse.Builder resp = PexProtos.PexResponse.newBuilder();
        for (PeerInfo p : source.peersFor(stream.remotePeer(), n)) {
            if (resp.getPeersCount() >= n) break;
            if (p.peer().equals(stream.remotePeer())) continue;
            PexProtos.PeerRecord.Builder r = PexProtos.PeerRecord.newBuilder()
                    .setPeerId(ByteString.copyFrom(p.peer().toBytes()));
            for (Multiaddr a : p.addrs().subList(0, Math.min(maxAddrs, p.addrs().size()))) {
                r.addAddrs(ByteString.copyFrom(a.withoutPeerId().toBytes()));
            }
            resp.addPeers(r);
        }
        stream.writeMessage(Unpooled.wrappedBuffer(resp.build().toByteArray()));
        stream.closeWrite();
    }

    /** Asks {@code peer} for up to {@code max} peers. */
    public CompletableFuture<List<PeerInfo>> request(PeerId peer, int max, Duration timeout) {
        int want = Math.min(max, maxPeers);
        int cap = 16 + maxPeers * (64 + maxAddrs * (MAX_ADDR_BYTES + 4));
        return host.newStream(peer, ID)
                .thenCompose(stream -> {
                    CompletableFuture<List<PeerInfo>> result = new CompletableFuture<>();
                    stream.setReader(new MessageReader(cap, new MessageReader.Handler() {
                        @Override
                        public void onMessage(Stream s, ByteBuf m) {
                            try {
                                result.complete(parse(m, want));
                            } finally {
                                m.release();
                            }
                        }

                        @Override
                        public void onEnd(Stream s, boolean partial) {
                            result.completeExceptionally(new PeerFault(FaultKind.PROTOCOL_VIOLATION, "no pex answer"));
                            s.closeWrite();
                        }

                        @Override
                        public void onReset(Stream s) {
                            result.completeExceptionally(new PeerFault(FaultKind.PROTOCOL_VIOLATION, "pex reset"));
                        }
                    }));
                    byte[] req = PexProtos.PexRequest.newBuilder()
                            .setMaxPeers(want)
                            .build()
                            .toByteArray();
                    stream.writeMessage(Unpooled.wrappedBuffer(req));
                    return result;
                })
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private List<PeerInfo> parse(ByteBuf m, int want) {
        PexProtos.PexResponse resp;
        try {
            resp = PexProtos.PexResponse.parseFrom(m.nioBuffer());
        } catch (InvalidProtocolBufferException e) {
            throw new PeerFault(FaultKind.MALFORMED_FRAME, "malformed pex answer");
        }
        if (resp.getPeersCount() > want) {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, "pex answer with " + resp.getPeersCount() + " peers");
        }
        List<PeerInfo> out = new ArrayList<>();
        for (PexProtos.PeerRecord r : resp.getPeersList()) {
            if (r.getAddrsCount() > maxAddrs) throw new PeerFault(FaultKind.BAD_PAYLOAD, "pex record with many addrs");
            PeerId id = PeerId.fromBytes(r.getPeerId().toByteArray());
            List<Multiaddr> addrs = new ArrayList<>();
            for (ByteString a : r.getAddrsList()) {
                if (a.size() > MAX_ADDR_BYTES) throw new PeerFault(FaultKind.BAD_PAYLOAD, "pex address too long");
                try {
                    Multiaddr ma = Multiaddr.fromBytes(a.toByteArray());
                    ma.tcpEndpoint();
                    addrs.add(ma.withoutPeerId());
                } catch (IllegalArgumentException | PeerFault e) {
                    // an address we cannot dial is skipped; the rest of the record stays useful
                }
            }
            // fedp2p design: addresses are unsigned hints (no signed peer records); a dial authenticates the id
            out.add(new PeerInfo(id, addrs));
        }
        return out;
    }
}
