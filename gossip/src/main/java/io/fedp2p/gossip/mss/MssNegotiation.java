package io.fedp2p.gossip.mss;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The multistream-select 1.0 state machine for one negotiation (LIBP2P.md §5.2), free of I/O so that the channel
 * handler and the stream negotiator share it.
 *
 * <p>Initiator: sends the header and its first proposal in one write; expects the header, then either its proposal
 * (selected) or {@code na} (tries the next proposal, alone). Responder: answers the header with the header, a
 * supported id with that id, {@code ls} with the list and anything else with {@code na}.
 */
public final class MssNegotiation {
    /**
     * Proposals a responder refuses before the peer is considered abusive. SPEC-GAP: multistream-select sets no
     * bound; 32 is far above any honest fallback list and the handshake deadline bounds the time anyway.
     */
    static final int MAX_REFUSALS = 32;

    /** What to do after a line: bytes to send (maybe empty), and whether the negotiation ended. */
    public record Step(byte[] reply, String selected, boolean refused) {}

    private final boolean initiator;
    private final List<String> proposals;
    private final Predicate<String> supported;
    private final Supplier<List<String>> listing;
    private boolean headerSeen;
    private int proposal;
    private int refusals;

    private MssNegotiation(
            boolean initiator, List<String> proposals, Predicate<String> supported, Supplier<List<String>> listing) {
        this.initiator = initiator;
        this.proposals = proposals;
        this.supported = supported;
        this.listing = listing;
    }

    /** Proposes {@code proposals} in order. */
    public static MssNegotiation initiator(List<String> proposals) {
        if (proposals.isEmpty()) {
            throw new IllegalArgumentException("nothing to propose");
        }
        return new MssNegotiation(true, List.copyOf(proposals), p -> false, List::of);
    }

    /** Accepts ids for which {@code supported} holds; {@code listing} answers {@code ls}. */
    public static MssNegotiation responder(Predicate<String> supported, Supplier<List<String>> listing) {
        return new MssNegotiation(false, List.of(), supported, listing);
    }

    /** Bytes to send before reading anything: header and first proposal for an initiator, nothing otherwise. */
    public byte[] start() {
        return initiator ? concat(MssLines.encode(MssLines.HEADER), MssLines.encode(proposals.get(0))) : new byte[0];
    }

    /**
     * Advances on one received line.
     *
     * @throws PeerFault {@link FaultKind#PROTOCOL_VIOLATION} when the first line is not the header or an initiator
     *     gets an answer it did not ask for; {@link FaultKind#RATE_LIMIT} after too many refused proposals
     */
    public Step onLine(String line) {
        if (!headerSeen) {
            if (!line.equals(MssLines.HEADER)) {
                throw new PeerFault(
                        FaultKind.PROTOCOL_VIOLATION, "expected multistream header, got '" + abbrev(line) + "'");
            }
            headerSeen = true;
            return new Step(initiator ? new byte[0] : MssLines.encode(MssLines.HEADER), null, false);
        }
        return initiator ? onAnswer(line) : onProposal(line);
    }

    private Step onAnswer(String line) {
        String current = proposals.get(proposal);
        if (line.equals(current)) {
            return new Step(new byte[0], current, false);
        }
        if (!line.equals(MssLines.NA)) {
            throw new PeerFault(
                    FaultKind.PROTOCOL_VIOLATION, "proposed " + current + ", peer answered '" + abbrev(line) + "'");
        }
        proposal++;
        if (proposal >= proposals.size()) {
            return new Step(new byte[0], null, true);
        }
        return new Step(MssLines.encode(proposals.get(proposal)), null, false);
    }

    private Step onProposal(String line) {
        if (line.equals(MssLines.LS)) {
            return new Step(MssLines.encodeLs(listing.get()), null, false);
        }
        if (!line.equals(MssLines.HEADER) && supported.test(line)) {
            return new Step(MssLines.encode(line), line, false);
        }
        if (++refusals > MAX_REFUSALS) {
            throw new PeerFault(FaultKind.RATE_LIMIT, "more than " + MAX_REFUSALS + " refused protocol proposals");
        }
        return new Step(MssLines.encode(MssLines.NA), null, false);
    }

    private static String abbrev(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
