package io.fedp2p.gossip.protocol;

import io.fedp2p.gossip.identity.PeerId;
import java.util.Objects;

/**
 * Two headers by one sender for the same network, round and step with different content hashes: proof that the sender
 * signed two different messages for one gossip slot (ALGORITHMS.md §6, the {@code equivocate} variant). With signed
 * headers anyone can check it ({@link #verifies()}), whoever the headers were addressed to.
 */
public record EquivocationProof(SignedHeader first, SignedHeader second) {
    public EquivocationProof {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (!first.header().sameSlot(second.header())) {
            throw new IllegalArgumentException("headers are for different senders or slots");
        }
        if (first.header().contentHash().equals(second.header().contentHash())) {
            throw new IllegalArgumentException("headers announce the same content");
        }
    }

    public PeerId offender() {
        return first.header().sender();
    }

    public long round() {
        return first.header().round();
    }

    public int step() {
        return first.header().step();
    }

    /** True when both headers carry valid signatures of the offender. */
    public boolean verifies() {
        return first.verifies() && second.verifies();
    }

    @Override
    public String toString() {
        return "EquivocationProof[" + offender() + ", round " + round() + ", step " + step() + "]";
    }
}
