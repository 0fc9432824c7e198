package io.fedp2p.gossip.peers;

import java.time.Instant;
import java.util.Objects;

/**
 * A ban of one peer: why, and until when (wall time, so that bans survive a restart).
 *
 * @param reason e.g. {@code equivocation}, {@code BAD_SIGNATURE score -100}, {@code rffl}
 * @param until the instant the ban ends
 */
public record Ban(String reason, Instant until) {
    public Ban {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(until, "until");
    }

    public boolean activeAt(Instant now) {
        return now.isBefore(until);
    }
}
