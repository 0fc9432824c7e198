package io.fedp2p.node.engine;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.CandidateDecision;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.defence.MixOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The bookkeeping around one mixing step: turning the step's messages into robustness candidates with
 * Metropolis–Hastings weights from the announced degrees (ALGORITHMS.md §0.1), and recording the defence's decisions,
 * silent neighbours and the mixing deficit (§1.6 #2) into the round state. Also maps peer keys back to peer ids.
 * Engine thread only.
 */
final class StepBook {
    private final TreeMap<PeerKey, PeerId> peerIds = new TreeMap<>();

    PeerKey key(PeerId p) {
        PeerKey k = PeerKey.of(p.toString());
        peerIds.putIfAbsent(k, p);
        return k;
    }

    /** The peer id of a key seen before, or null. */
    PeerId peer(PeerKey k) {
        return peerIds.get(k);
    }

    /** The step's messages as candidates, in peer-key order (the defence sorts them too). */
    List<Candidate> candidates(RoundState rs, int q) {
        List<Candidate> out = new ArrayList<>();
        for (Map.Entry<PeerId, ModelMessage> e : rs.inbox.entrySet()) {
            ModelMessage m = e.getValue();
            double w = Metropolis.weight(rs.degree, m.degree());
            Candidate c = q == 0 && m.hasDelta()
                    ? Candidate.withDelta(key(e.getKey()), m.theta(), m.delta(), w)
                    : Candidate.of(key(e.getKey()), m.theta(), w);
            out.add(q == 0 ? c.withReportedResidual(m.residual().orElse(Double.NaN)) : c);
        }
        return out;
    }

    /**
     * Records step {@code q}'s outcome; calls {@code penalise} for each validation failure (peer, detail).
     *
     * <p>The deficit of a step is the W weight of the round's neighbours that were not mixed at it (silent, rejected
     * now or earlier, removed by RFFL): the weight that stayed with this node.
     */
    void record(RoundState rs, int q, MixOutcome o, BiConsumer<PeerId, String> penalise) {
        // SPEC-GAP: §1.6 #2 asks to count the weight moved to self as "effective mixing deficit" without a formula;
        // fedp2p counts, per step, the W weight of every neighbour of the round not mixed at that step (soft-mode
        // down-weighting is not counted), and reports the mean over the Q steps.
        double used = 0;
        for (PeerId p : rs.expected) {
            if (q == 0 && !rs.inbox.containsKey(p)) {
                rs.outcomes.put(p, new PeerOutcome(p.toString(), false, PeerOutcome.SILENT, 0, 0, ""));
            }
        }
        for (CandidateDecision d : o.decisions()) {
            PeerId p = peerIds.get(d.key());
            if (p == null) continue;
            if (d.accepted()) {
                used += weightOf(rs, p);
            } else if (d.verdict().isValidationFailure()) {
                // fedp2p design: a malformed or implausible message (§8 step 4) also costs the peer score points
                penalise.accept(p, PeerOutcome.code(d.verdict()) + ": " + d.detail());
            }
            if (q == 0 || !d.accepted()) {
                rs.outcomes.put(
                        p,
                        new PeerOutcome(
                                p.toString(), d.accepted(), PeerOutcome.code(d.verdict()), q, d.weight(), d.detail()));
            }
        }
        double full = 0;
        for (PeerId p : rs.neighbours) full += weightOf(rs, p);
        rs.deficits[q] = Math.max(0, full - used);
        for (String n : o.notes()) rs.notes.add("q=" + q + ": " + n);
    }

    /**
     * Records the step's messages the exchange mode refused before the defence saw them (e.g. an FRL-native message
     * whose rankings are no permutations): rejected at step {@code q}, and a fault of the peer.
     */
    void recordInvalid(RoundState rs, int q, Map<PeerId, String> invalid, BiConsumer<PeerId, String> penalise) {
        for (Map.Entry<PeerId, String> e : invalid.entrySet()) {
            PeerId p = e.getKey();
            rs.outcomes.put(p, new PeerOutcome(p.toString(), false, PeerOutcome.INVALID_RANKING, q, 0, e.getValue()));
            penalise.accept(p, PeerOutcome.INVALID_RANKING + ": " + e.getValue());
        }
    }

    /** Keeps the last step's iterates of the neighbours still in A_i, for the next round's plausibility check. */
    void keepLastStep(RoundState rs) {
        for (Map.Entry<PeerId, ModelMessage> e : rs.inbox.entrySet()) {
            PeerKey k = key(e.getKey());
            if (rs.context.isActive(k)) rs.lastStep.put(k, e.getValue().theta());
        }
    }

    /** W[i][j] with j's announced degree, or this node's degree while j has sent nothing this round. */
    private static double weightOf(RoundState rs, PeerId p) {
        return Metropolis.weight(rs.degree, rs.degrees.getOrDefault(p, rs.degree));
    }
}
