package io.fedp2p.gossip.peers;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.identity.PeerId;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Scores peers from their faults (STYLE.md §2.5, "make the peer pay"): every fault subtracts its kind's penalty, the
 * score recovers toward 0 at a fixed rate, and a score at or below the threshold means a ban. Not thread-safe: used
 * on the clock's event thread.
 */
public final class PeerScorer {
    /**
     * @param penalties per fault kind (missing kinds cost nothing)
     * @param banThreshold a score at or below this bans the peer
     * @param banDuration how long a score ban lasts
     * @param recoveryPerMinute points a score regains per minute, up to 0
     */
    public record Policy(
            Map<FaultKind, Double> penalties, double banThreshold, Duration banDuration, double recoveryPerMinute) {
        public Policy {
            penalties = Map.copyOf(penalties);
            Objects.requireNonNull(banDuration, "banDuration");
            if (!(banThreshold < 0) || !(recoveryPerMinute >= 0)) {
                throw new IllegalArgumentException("threshold must be < 0 and recovery >= 0");
            }
        }

        /**
         * fedp2p defaults: forged or misaddressed messages and oversized frames cost 50, malformed input and
         * protocol violations 20, bad payloads 25, rate limits 10, timeouts 5; a ban at −100 lasts one hour; 5 points
         * recover per minute.
         */
        public static Policy defaults() {
            // fedp2p design: the weights and the threshold are fedp2p's choice; no spec fixes them
            Map<FaultKind, Double> p = new EnumMap<>(FaultKind.class);
            p.put(FaultKind.BAD_SIGNATURE, 50.0);
            p.put(FaultKind.WRONG_PEER_ID, 50.0);
            p.put(FaultKind.FRAME_TOO_LARGE, 50.0);
            p.put(FaultKind.MALFORMED_FRAME, 20.0);
            p.put(FaultKind.PROTOCOL_VIOLATION, 20.0);
            p.put(FaultKind.BAD_PAYLOAD, 25.0);
            p.put(FaultKind.RATE_LIMIT, 10.0);
            p.put(FaultKind.TIMEOUT, 5.0);
            return new Policy(p, -100, Duration.ofHours(1), 5);
        }
    }

    private record Entry(double score, long atNanos) {}

    private final Policy policy;
    private final TreeMap<PeerId, Entry> scores = new TreeMap<>();

    public PeerScorer(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public Policy policy() {
        return policy;
    }

    /** Applies a fault at clock time {@code nowNanos}; true when the peer should now be banned. */
    public boolean penalise(PeerId peer, FaultKind kind, long nowNanos) {
        double s = score(peer, nowNanos) - policy.penalties().getOrDefault(kind, 0.0);
        scores.put(peer, new Entry(s, nowNanos));
        return s <= policy.banThreshold();
    }

    /** The current score (0 for a peer without faults). */
    public double score(PeerId peer, long nowNanos) {
        Entry e = scores.get(peer);
        if (e == null) return 0;
        double minutes = Math.max(0, nowNanos - e.atNanos()) / 60e9;
        return Math.min(0, e.score() + minutes * policy.recoveryPerMinute());
    }

    /** Forgets a peer's faults (after its ban). */
    public void reset(PeerId peer) {
        scores.remove(peer);
    }
}
