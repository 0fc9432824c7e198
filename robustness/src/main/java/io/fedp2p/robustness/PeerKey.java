package io.fedp2p.robustness;

import java.util.Objects;

/**
 * A stable identifier of a neighbour (the node passes its peer id string). Ordering is the plain string order; every
 * decision that iterates over neighbours does so in this order, never in hash order (STYLE.md 2.6).
 */
public record PeerKey(String id) implements Comparable<PeerKey> {
    public PeerKey {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) throw new IllegalArgumentException("empty peer key");
    }

    /** Shorthand for {@code new PeerKey(id)}. */
    public static PeerKey of(String id) {
        return new PeerKey(id);
    }

    @Override
    public int compareTo(PeerKey other) {
        return id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return id;
    }
}
