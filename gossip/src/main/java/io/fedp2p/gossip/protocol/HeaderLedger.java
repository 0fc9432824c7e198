package io.fedp2p.gossip.protocol;

import io.fedp2p.gossip.identity.PeerId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a node remembers of gossip headers, for replay protection and equivocation detection (fedp2p design): per
 * sender, the last (round, step) it admitted from that sender directly, and the first header seen for every recent
 * slot, whether it came directly or relayed as evidence. Bounded: slots older than {@code windowRounds} behind the
 * newest round seen from a sender are forgotten, and at most {@code maxSenders} senders are tracked (least recently
 * used first out). Thread-safe (synchronized; every operation is O(log n)).
 */
public final class HeaderLedger {
    /** Outcome of a directly received header. */
    public enum Admission {
        /** New (round, step), forward of everything admitted before: read the content. */
        ADMIT,
        /** The same header content again: drop, no penalty. */
        DUPLICATE,
        /** (round, step) not after the last admitted one: drop. */
        STALE,
        /** A different content for a slot already seen: the sender equivocated. */
        EQUIVOCATION
    }

    /** Admission with the proof when there is one. */
    public record Result(Admission admission, Optional<EquivocationProof> proof) {}

    private record Slot(long round, int step) implements Comparable<Slot> {
        @Override
        public int compareTo(Slot o) {
            return round != o.round ? Long.compare(round, o.round) : Integer.compare(step, o.step);
        }
    }

    private static final class SenderRecord {
        final TreeMap<Slot, SignedHeader> slots = new TreeMap<>();
        Slot lastAdmitted;
        long newestRound = -1;
        boolean equivocated;
    }

    private final int windowRounds;
    private final Map<PeerId, SenderRecord> senders;

    public HeaderLedger(int windowRounds, int maxSenders) {
        if (windowRounds < 1 || maxSenders < 1) throw new IllegalArgumentException("window and senders must be >= 1");
        this.windowRounds = windowRounds;
        this.senders = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<PeerId, SenderRecord> eldest) {
                return size() > maxSenders;
            }
        };
    }

    /** Records a header received directly from its sender (signature already checked) and decides on it. */
    public synchronized Result admit(SignedHeader h) {
        SenderRecord r = record(h.header().sender());
        Slot slot = new Slot(h.header().round(), h.header().step());
        Optional<EquivocationProof> proof = conflict(r, slot, h);
        if (proof.isPresent()) return new Result(Admission.EQUIVOCATION, proof);
        if (r.slots.containsKey(slot) && r.lastAdmitted != null && slot.compareTo(r.lastAdmitted) <= 0) {
            return new Result(Admission.DUPLICATE, Optional.empty());
        }
        if (r.lastAdmitted != null && slot.compareTo(r.lastAdmitted) <= 0) {
            return new Result(Admission.STALE, Optional.empty());
        }
        r.lastAdmitted = slot;
        store(r, slot, h);
        return new Result(Admission.ADMIT, Optional.empty());
    }

    /** Records a header relayed as evidence (signature already checked); returns a proof on conflict. */
    public synchronized Optional<EquivocationProof> observe(SignedHeader h) {
        SenderRecord r = record(h.header().sender());
        Slot slot = new Slot(h.header().round(), h.header().step());
        if (h.header().round() + windowRounds < r.newestRound) return Optional.empty();
        Optional<EquivocationProof> proof = conflict(r, slot, h);
        if (proof.isEmpty()) store(r, slot, h);
        return proof;
    }

    /** True once an equivocation of {@code sender} was found here. */
    public synchronized boolean hasEquivocated(PeerId sender) {
        SenderRecord r = senders.get(sender);
        return r != null && r.equivocated;
    }

    private Optional<EquivocationProof> conflict(SenderRecord r, Slot slot, SignedHeader h) {
        SignedHeader seen = r.slots.get(slot);
        if (seen == null || seen.header().contentHash().equals(h.header().contentHash())) return Optional.empty();
        if (!seen.header().networkId().equals(h.header().networkId())) return Optional.empty();
        r.equivocated = true;
        return Optional.of(new EquivocationProof(seen, h));
    }

    private SenderRecord record(PeerId sender) {
        return senders.computeIfAbsent(sender, k -> new SenderRecord());
    }

    private void store(SenderRecord r, Slot slot, SignedHeader h) {
        r.slots.putIfAbsent(slot, h);
        r.newestRound = Math.max(r.newestRound, slot.round());
        Iterator<Slot> it = r.slots.keySet().iterator();
        while (it.hasNext()) {
            Slot s = it.next();
            if (s.round() + windowRounds >= r.newestRound) break;
            it.remove();
        }
    }
}
