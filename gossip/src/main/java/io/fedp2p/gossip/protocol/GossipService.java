package io.fedp2p.gossip.protocol;

import io.fedp2p.gossip.clock.Clock;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.host.Host;
import io.fedp2p.gossip.host.MessageReader;
import io.fedp2p.gossip.host.Stream;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.peers.RateLimiter;
import io.fedp2p.gossip.proto.GossipProtos;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs {@code /fedp2p/gossip/1.0.0} on a libp2p {@link Host}: one stream per message (an Announce frame, then chunk
 * frames, then FIN) or per evidence batch. Sending waits for each chunk's write before the next, so a slow receiver
 * (whose yamux window stays closed) holds at most one chunk in our queue. Receiving holds one message's content per
 * stream, within the caps of {@link GossipConfig}: streams per peer, pending bytes over all peers, a deadline per
 * message. Bad input is thrown as {@link PeerFault} (the host resets the stream and reports the fault to its sink);
 * replays are dropped by resetting the stream without a fault.
 *
 * <p>Thread-safe. {@link Listener} callbacks run on Netty event loops and must not block.
 */
public final class GossipService {
    public static final String ID = "/fedp2p/gossip/1.0.0";

    /** Receives verified messages and proofs (on Netty event loops). */
    public interface Listener {
        void onMessage(PeerId from, ModelMessage message, SignedHeader header);

        void onEquivocation(EquivocationProof proof);
    }

    private final Host host;
    private final GossipInbox inbox;
    private final Clock clock;
    private final Listener listener;
    private final RateLimiter evidenceLimit;
    private final Map<PeerId, AtomicInteger> open = new ConcurrentHashMap<>();
    private final AtomicLong pendingBytes = new AtomicLong();

    /**
     * @param clock for per-message deadlines (the task hops back to the stream's event loop)
     */
    public GossipService(Host host, GossipInbox inbox, Clock clock, Listener listener) {
        this.host = host;
        this.inbox = inbox;
        this.clock = clock;
        this.listener = listener;
        this.evidenceLimit = new RateLimiter(4 * inbox.config().maxEvidencePerFrame(), 64, clock::nanos);
    }

    public GossipInbox inbox() {
        return inbox;
    }

    /** Serves the protocol on the host. */
    public void start() {
        host.setStreamHandler(ID, this::onStream);
    }

    /** Content bytes announced and not yet complete, over all inbound streams. */
    public long pendingBytes() {
        return pendingBytes.get();
    }

    /**
     * Sends one message: {@code header} (signed, addressed to {@code to}) and its serialized {@code content} (not
     * modified afterwards).
     *
     * @return completed when the last chunk is written and the stream half-closed; failed when the stream could not
     *     be opened or the peer reset it
     */
    public CompletableFuture<Void> send(PeerId to, SignedHeader header, byte[] content) {
        return host.newStream(to, ID).thenCompose(stream -> {
            stream.setReader(new MessageReader(64, (s, m) -> m.release()));
            GossipProtos.Frame announce = GossipProtos.Frame.newBuilder()
                    .setAnnounce(header.toAnnounce())
                    .build();
            return stream.writeMessage(Unpooled.wrappedBuffer(announce.toByteArray()))
                    .thenCompose(v -> ChunkWriter.writeChunks(
                            stream, content, 0, inbox.config().chunkBytes()))
                    .whenComplete((v, e) -> {
                        if (e != null) stream.reset();
                    });
        });
    }

    /** Relays signed headers to {@code to} as one evidence frame (at most the configured number per frame). */
    public CompletableFuture<Void> sendEvidence(PeerId to, List<SignedHeader> headers) {
        GossipProtos.Evidence.Builder e = GossipProtos.Evidence.newBuilder();
        for (SignedHeader h :
                headers.subList(0, Math.min(headers.size(), inbox.config().maxEvidencePerFrame()))) {
            e.addHeaders(h.toAnnounce());
        }
        byte[] frame = GossipProtos.Frame.newBuilder().setEvidence(e).build().toByteArray();
        return host.newStream(to, ID).thenCompose(stream -> {
            stream.setReader(new MessageReader(64, (s, m) -> m.release()));
            return stream.writeMessage(Unpooled.wrappedBuffer(frame)).thenCompose(v -> stream.closeWrite());
        });
    }

    void onStream(Stream stream) {
        PeerId from = stream.remotePeer();
        AtomicInteger count = open.computeIfAbsent(from, k -> new AtomicInteger());
        if (count.incrementAndGet() > inbox.config().maxInboundStreamsPerPeer()) {
            count.decrementAndGet();
            throw new PeerFault(
                    FaultKind.RATE_LIMIT,
                    "more than " + inbox.config().maxInboundStreamsPerPeer() + " concurrent gossip streams");
        }
        InboundGossipStream in = new InboundGossipStream(this, stream, from);
        stream.closeFuture().whenComplete((v, e) -> {
            count.decrementAndGet();
            in.release();
        });
        stream.setReader(new MessageReader(inbox.config().maxFrameBytes(), in));
    }

    // --- hooks for InboundGossipStream -------------------------------------------------------------------------

    boolean reserve(long bytes) {
        if (pendingBytes.addAndGet(bytes) > inbox.config().maxPendingBytes()) {
            pendingBytes.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    void unreserve(long bytes) {
        pendingBytes.addAndGet(-bytes);
    }

    boolean evidenceAllowed(PeerId from, int headers) {
        return evidenceLimit.tryAcquire(from, headers);
    }

    Clock clock() {
        return clock;
    }

    Host host() {
        return host;
    }

    Listener listener() {
        return listener;
    }
}
