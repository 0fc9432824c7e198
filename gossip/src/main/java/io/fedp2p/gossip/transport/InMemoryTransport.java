package io.fedp2p.gossip.transport;

import com.google.protobuf.ByteString;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.host.TrafficStats;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.peers.BanList;
import io.fedp2p.gossip.peers.PeerScorer;
import io.fedp2p.gossip.protocol.ContentCodec;
import io.fedp2p.gossip.protocol.EquivocationProof;
import io.fedp2p.gossip.protocol.GossipInbox;
import io.fedp2p.gossip.protocol.HeaderLedger;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.gossip.protocol.PayloadEncoding;
import io.fedp2p.gossip.protocol.SignedHeader;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One node's {@link GossipTransport} in an {@link InMemoryNetwork}. Applies the same receiving rules as the wire
 * ({@link GossipInbox}); penalises faults through a {@link PeerScorer} and bans on equivocation. Clock thread only.
 */
public final class InMemoryTransport implements GossipTransport {
    /** Bytes a fast-mode header is counted as (a signed header is about this size on the wire). */
    static final int HEADER_BYTES = 260;

    private final InMemoryNetwork network;
    private final Identity identity;
    private final GossipInbox inbox;
    private final BanList bans = new BanList();
    private final PeerScorer scorer;
    private TransportListener listener;
    private long bytesIn;
    private long bytesOut;

    InMemoryTransport(InMemoryNetwork network, Identity identity) {
        this.network = network;
        this.identity = identity;
        this.inbox = new GossipInbox(identity.peerId(), network.options().gossip());
        this.scorer = new PeerScorer(network.options().scoring());
    }

    @Override
    public PeerId localPeer() {
        return identity.peerId();
    }

    @Override
    public void start(TransportListener l) {
        if (listener != null) throw new IllegalStateException("already started");
        this.listener = java.util.Objects.requireNonNull(l, "listener");
    }

    @Override
    public SortedSet<PeerId> neighbours() {
        return network.neighbours(localPeer());
    }

    @Override
    public void send(Collection<PeerId> recipients, ModelMessage message) {
        PayloadEncoding enc = network.options().gossip().encoding();
        TreeSet<PeerId> to = new TreeSet<>(recipients);
        if (network.options().wireFidelity()) {
            byte[] content = ContentCodec.encode(message, enc);
            ByteString hash = ByteString.copyFrom(io.fedp2p.gossip.protocol.GossipConfig.sha256Bytes(content));
            for (PeerId r : to) {
                SignedHeader h = SignedHeader.sign(identity, inbox.header(r, message, hash, content.length));
                long bytes = h.bytes().size() + 64 + content.length + 16;
                bytesOut += bytes;
                network.deliver(localPeer(), r, new InMemoryNetwork.ModelPacket(h, null, content), bytes);
            }
            return;
        }
        ModelMessage wire = quantised(message, enc);
        ByteString hash = ByteString.copyFrom(wire.valueDigest());
        long length = contentBytes(wire, enc);
        for (PeerId r : to) {
            SignedHeader h = SignedHeader.unsigned(inbox.header(r, wire, hash, length));
            bytesOut += HEADER_BYTES + length;
            network.deliver(localPeer(), r, new InMemoryNetwork.ModelPacket(h, wire, null), HEADER_BYTES + length);
        }
    }

    @Override
    public float[] asReceived(float[] v) {
        return network.options().gossip().encoding().roundTrip(v);
    }

    @Override
    public TrafficStats traffic() {
        return new TrafficStats(bytesIn, bytesOut);
    }

    @Override
    public void penalise(PeerId peer, FaultKind kind, String detail) {
        if (listener != null) listener.onFault(peer, kind, detail);
        if (scorer.penalise(peer, kind, network.clock().nanos())) {
            ban(peer, "score: " + kind, scorer.policy().banDuration());
            scorer.reset(peer);
        }
    }

    @Override
    public void ban(PeerId peer, String reason, Duration duration) {
        bans.ban(peer, reason, duration, network.clock().instant());
        network.banCut(localPeer(), peer, duration);
    }

    @Override
    public boolean isBanned(PeerId peer) {
        return bans.isBanned(peer, network.clock().instant());
    }

    /** The bans in force (for status pages and tests). */
    public BanList bans() {
        return bans;
    }

    void neighbourUp(PeerId peer) {
        if (listener != null) listener.onNeighbourUp(peer);
    }

    void neighbourDown(PeerId peer) {
        if (listener != null) listener.onNeighbourDown(peer);
    }

    void receive(PeerId from, InMemoryNetwork.Packet packet, long bytes) {
        bytesIn += bytes;
        if (listener == null || isBanned(from)) return;
        boolean verify = network.options().wireFidelity();
        try {
            if (packet instanceof InMemoryNetwork.ModelPacket p) {
                receiveModel(from, p, verify);
            } else if (packet instanceof InMemoryNetwork.EvidencePacket e) {
                for (SignedHeader h : e.headers())
                    inbox.onEvidence(from, h, verify).ifPresent(this::equivocation);
            }
        } catch (PeerFault f) {
            penalise(from, f.kind(), f.getMessage());
        }
    }

    private void receiveModel(PeerId from, InMemoryNetwork.ModelPacket p, boolean verify) {
        HeaderLedger.Result r = inbox.onHeader(from, p.header(), verify);
        switch (r.admission()) {
            case ADMIT -> {
                ModelMessage m;
                if (p.content() != null) {
                    m = inbox.onContent(p.header(), p.content());
                } else {
                    inbox.checkFastContent(p.header(), p.message());
                    m = p.message();
                }
                relay(from, p.header());
                listener.onMessage(from, m);
            }
            case EQUIVOCATION -> r.proof().ifPresent(this::equivocation);
            case DUPLICATE, STALE -> {
                // dropped without penalty: a repeat or a late copy is not proof of malice
            }
        }
    }

    /** fedp2p design: relays an admitted header to the other neighbours, as {@link Libp2pTransport} does. */
    private void relay(PeerId from, SignedHeader header) {
        if (!network.options().gossip().relayEvidence()) return;
        InMemoryNetwork.EvidencePacket e = new InMemoryNetwork.EvidencePacket(List.of(header));
        for (PeerId n : neighbours()) {
            if (n.equals(from)) continue;
            bytesOut += HEADER_BYTES;
            network.deliver(localPeer(), n, e, HEADER_BYTES);
        }
    }

    private void equivocation(EquivocationProof proof) {
        PeerId offender = proof.offender();
        if (offender.equals(localPeer()) || isBanned(offender)) return;
        ban(
                offender,
                "equivocation in round " + proof.round() + " step " + proof.step(),
                network.options().equivocationBan());
        listener.onEquivocation(proof);
        InMemoryNetwork.EvidencePacket e = new InMemoryNetwork.EvidencePacket(List.of(proof.first(), proof.second()));
        for (PeerId n : neighbours()) {
            bytesOut += 2L * HEADER_BYTES;
            network.deliver(localPeer(), n, e, 2L * HEADER_BYTES);
        }
    }

    private static ModelMessage quantised(ModelMessage m, PayloadEncoding enc) {
        if (enc == PayloadEncoding.FLOAT32) return m;
        ModelMessage q = m.hasDelta()
                ? ModelMessage.withDelta(
                        m.round(),
                        m.step(),
                        m.degree(),
                        enc.roundTrip(m.theta()),
                        enc.roundTrip(m.delta()),
                        m.residual().orElse(Double.NaN))
                : ModelMessage.of(m.round(), m.step(), m.degree(), enc.roundTrip(m.theta()));
        return m.hasRanking() ? q.withRanking(m.ranking()) : q;
    }

    private static long contentBytes(ModelMessage m, PayloadEncoding enc) {
        long per = enc.encodedBytes(m.dimension());
        long rank = 0;
        if (m.hasRanking()) for (int[] l : m.ranking()) rank += 4L * l.length;
        return per * (m.hasDelta() ? 2 : 1) + rank + 16;
    }
}
