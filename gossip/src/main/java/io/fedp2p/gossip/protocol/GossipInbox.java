package io.fedp2p.gossip.protocol;

import com.google.protobuf.ByteString;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.identity.PeerId;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The receiving rules of {@code /fedp2p/gossip/1.0.0}, shared by the libp2p and in-memory transports. A header is
 * checked in this order: shape and lengths ({@link SignedHeader#parse}), signature, sender = the authenticated peer
 * of the connection, recipient = this node, network, adapter spec and backbone, content length cap, then replay and
 * equivocation ({@link HeaderLedger}). Content is checked against the header's hash and length before it is decoded.
 * Bad input throws {@link PeerFault}: the caller drops the message and penalises the peer. Thread-safe.
 */
public final class GossipInbox {
    private final PeerId self;
    private final GossipConfig config;
    private final HeaderLedger ledger;

    public GossipInbox(PeerId self, GossipConfig config) {
        this.self = self;
        this.config = config;
        this.ledger = new HeaderLedger(config.windowRounds(), 4096);
    }

    public GossipConfig config() {
        return config;
    }

    public HeaderLedger ledger() {
        return ledger;
    }

    /**
     * Checks a header that {@code from} sent us directly.
     *
     * @param verifySignature false only in the in-memory transport's fast mode
     * @throws PeerFault for a bad signature, a wrong sender or recipient, another network, adapter or backbone, or
     *     content above the cap
     */
    public HeaderLedger.Result onHeader(PeerId from, SignedHeader h, boolean verifySignature) {
        MessageHeader m = h.header();
        if (!m.sender().equals(from)) {
            throw new PeerFault(
                    FaultKind.WRONG_PEER_ID, "header signed as " + m.sender() + " on a connection of " + from);
        }
        if (verifySignature) h.verify();
        if (!m.recipient().equals(self)) {
            throw new PeerFault(FaultKind.WRONG_PEER_ID, "message addressed to " + m.recipient() + ", not to us");
        }
        checkCompatible(m);
        if (m.contentLength() > config.maxContentBytes()) {
            throw new PeerFault(
                    FaultKind.FRAME_TOO_LARGE,
                    "content of " + m.contentLength() + " bytes, limit " + config.maxContentBytes());
        }
        return ledger.admit(h);
    }

    /**
     * Checks a header relayed by {@code relayer} as evidence.
     *
     * @return a proof when it conflicts with a header seen before
     * @throws PeerFault (the relayer's fault) when the signature does not verify or the network differs
     */
    public Optional<EquivocationProof> onEvidence(PeerId relayer, SignedHeader h, boolean verifySignature) {
        if (verifySignature) h.verify();
        if (!h.header().networkId().equals(config.networkId())) {
            throw new PeerFault(
                    FaultKind.PROTOCOL_VIOLATION,
                    "evidence from network '" + h.header().networkId() + "'");
        }
        if (h.header().sender().equals(self)) return Optional.empty();
        return ledger.observe(h);
    }

    /**
     * Decodes the content of an admitted header.
     *
     * @throws PeerFault {@link FaultKind#BAD_PAYLOAD} when hash or length differ from the header, or the content is
     *     invalid
     */
    public ModelMessage onContent(SignedHeader h, byte[] content) {
        MessageHeader m = h.header();
        if (content.length != m.contentLength()) {
            throw new PeerFault(
                    FaultKind.BAD_PAYLOAD, "content of " + content.length + " bytes, header said " + m.contentLength());
        }
        byte[] hash = ModelMessage.sha256().digest(content);
        if (!MessageDigest.isEqual(hash, m.contentHash().toByteArray())) {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, "content does not match the signed hash");
        }
        return ContentCodec.decode(m, content, config.dimension());
    }

    /** Checks the content of a fast-mode in-memory message against its header (values digest). */
    public void checkFastContent(SignedHeader h, ModelMessage message) {
        if (!h.header().contentHash().equals(ByteString.copyFrom(message.valueDigest()))) {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, "content does not match the header hash");
        }
        if (config.dimension() > 0 && message.dimension() != config.dimension()) {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, "model of dimension " + message.dimension());
        }
    }

    private void checkCompatible(MessageHeader m) {
        if (!m.networkId().equals(config.networkId())) {
            throw new PeerFault(FaultKind.PROTOCOL_VIOLATION, "message for network '" + m.networkId() + "'");
        }
        if (!m.adapterSpecHash().equals(config.adapterSpecHash())) {
            throw new PeerFault(
                    FaultKind.PROTOCOL_VIOLATION,
                    "message for another adapter setup (adapter spec, layout, seed, Fed-SB factors or exchange mode differ)");
        }
        if (!m.backboneHash().equals(config.backboneHash())) {
            throw new PeerFault(FaultKind.PROTOCOL_VIOLATION, "message for another backbone");
        }
    }

    /** A header for a message of this node. */
    public MessageHeader header(PeerId recipient, ModelMessage m, ByteString contentHash, long contentLength) {
        return new MessageHeader(
                config.networkId(),
                self,
                recipient,
                m.round(),
                m.step(),
                m.degree(),
                config.adapterSpecHash(),
                config.backboneHash(),
                contentHash,
                contentLength);
    }
}
