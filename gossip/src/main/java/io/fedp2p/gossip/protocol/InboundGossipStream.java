package io.fedp2p.gossip.protocol;

import com.google.protobuf.InvalidProtocolBufferException;
import io.fedp2p.gossip.clock.Clock;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.host.MessageReader;
import io.fedp2p.gossip.host.Stream;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.proto.GossipProtos;
import io.netty.buffer.ByteBuf;
import java.security.MessageDigest;

/**
 * One inbound gossip stream, event-loop confined. States: waiting for the first frame; receiving content of an
 * admitted header (the buffer is exactly the announced length, reserved against the pending-bytes cap); done.
 *
 * <pre>
 * Frame(announce) ─ check header ─ ADMIT ──▶ Frame(chunk)* until content_length ─ hash, decode ─▶ listener
 *                                  DUPLICATE/STALE ─▶ reset, no fault      EQUIVOCATION ─▶ proof, reset
 * Frame(evidence) ─ each header: signature, ledger ─▶ proofs
 * </pre>
 */
final class InboundGossipStream implements MessageReader.Handler {
    private enum State {
        FIRST,
        CONTENT,
        DONE
    }

    private final GossipService service;
    private final Stream stream;
    private final PeerId from;
    private State state = State.FIRST;
    private SignedHeader header;
    private byte[] content;
    private int filled;
    private long reserved;
    private MessageDigest hasher;
    private Clock.Timer deadline;

    InboundGossipStream(GossipService service, Stream stream, PeerId from) {
        this.service = service;
        this.stream = stream;
        this.from = from;
    }

    @Override
    public void onMessage(Stream s, ByteBuf message) {
        GossipProtos.Frame frame;
        try {
            frame = GossipProtos.Frame.parseFrom(message.nioBuffer());
        } catch (InvalidProtocolBufferException e) {
            throw new PeerFault(FaultKind.MALFORMED_FRAME, "malformed gossip frame");
        } finally {
            message.release();
        }
        switch (state) {
            case FIRST -> first(frame);
            case CONTENT -> chunk(frame);
            case DONE -> throw new PeerFault(FaultKind.PROTOCOL_VIOLATION, "frame after a complete gossip message");
        }
    }

    private void first(GossipProtos.Frame frame) {
        if (frame.hasEvidence()) {
            evidence(frame.getEvidence());
            state = State.DONE;
            return;
        }
        if (!frame.hasAnnounce()) throw new PeerFault(FaultKind.PROTOCOL_VIOLATION, "gossip stream without a header");
        SignedHeader h = SignedHeader.fromAnnounce(frame.getAnnounce());
        HeaderLedger.Result r = service.inbox().onHeader(from, h, true);
        switch (r.admission()) {
            case ADMIT -> admit(h);
            case EQUIVOCATION -> {
                state = State.DONE;
                r.proof().ifPresent(service.listener()::onEquivocation);
                stream.reset();
            }
            case DUPLICATE, STALE -> {
                state = State.DONE;
                stream.reset();
            }
        }
    }

    private void admit(SignedHeader h) {
        long length = h.header().contentLength();
        if (length > Integer.MAX_VALUE - 16) throw new PeerFault(FaultKind.FRAME_TOO_LARGE, "content of " + length);
        if (!service.reserve(length)) {
            throw new PeerFault(FaultKind.RATE_LIMIT, "too many content bytes pending over all peers");
        }
        reserved = length;
        header = h;
        content = new byte[(int) length];
        hasher = ModelMessage.sha256();
        state = State.CONTENT;
        deadline = service.clock().schedule(service.inbox().config().streamTimeout(), () -> stream.executor()
                .execute(this::expire));
        if (length == 0) complete();
    }

    private void chunk(GossipProtos.Frame frame) {
        if (!frame.hasChunk()) throw new PeerFault(FaultKind.PROTOCOL_VIOLATION, "expected a content chunk");
        com.google.protobuf.ByteString data = frame.getChunk().getData();
        if (data.size() > content.length - filled) {
            throw new PeerFault(FaultKind.PROTOCOL_VIOLATION, "chunks exceed the announced content length");
        }
        data.copyTo(content, filled);
        hasher.update(content, filled, data.size());
        filled += data.size();
        if (filled == content.length) complete();
    }

    private void complete() {
        state = State.DONE;
        cancelDeadline();
        byte[] c = content;
        content = null;
        release();
        ModelMessage m = service.inbox().onContent(header, c);
        service.listener().onMessage(from, m, header);
    }

    private void evidence(GossipProtos.Evidence e) {
        int n = e.getHeadersCount();
        if (n > service.inbox().config().maxEvidencePerFrame() || !service.evidenceAllowed(from, n)) {
            throw new PeerFault(FaultKind.RATE_LIMIT, "evidence frame of " + n + " headers over the limit");
        }
        for (GossipProtos.Announce a : e.getHeadersList()) {
            service.inbox()
                    .onEvidence(from, SignedHeader.fromAnnounce(a), true)
                    .ifPresent(service.listener()::onEquivocation);
        }
    }

    private void expire() {
        if (state != State.CONTENT) return;
        state = State.DONE;
        release();
        service.host().reportFault(from, FaultKind.TIMEOUT, "gossip message not complete within the deadline");
        stream.reset();
    }

    @Override
    public void onEnd(Stream s, boolean partial) {
        if (state == State.CONTENT || partial) {
            state = State.DONE;
            release();
            cancelDeadline();
            throw new PeerFault(FaultKind.PROTOCOL_VIOLATION, "gossip stream ended before the content was complete");
        }
        state = State.DONE;
        s.closeWrite();
    }

    @Override
    public void onReset(Stream s) {
        state = State.DONE;
        cancelDeadline();
        release();
    }

    private void cancelDeadline() {
        if (deadline != null) deadline.cancel();
    }

    /** Frees the reservation (idempotent). */
    void release() {
        if (reserved > 0) {
            service.unreserve(reserved);
            reserved = 0;
        }
        content = null;
    }
}
