package io.fedp2p.gossip.peers;

import io.fedp2p.gossip.identity.PeerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Bans bound to peer ids, with reason and expiry. A longer ban replaces a shorter one; expired bans are forgotten on
 * access. Not thread-safe: used on the clock's event thread.
 */
public final class BanList {
    private final TreeMap<PeerId, Ban> bans = new TreeMap<>();

    /** Bans {@code peer} from {@code now} for {@code duration}; returns the ban in force afterwards. */
    public Ban ban(PeerId peer, String reason, Duration duration, Instant now) {
        Ban b = new Ban(reason, now.plus(duration));
        Ban old = bans.get(peer);
        if (old == null || !old.activeAt(now) || old.until().isBefore(b.until())) {
            bans.put(peer, b);
            return b;
        }
        return old;
    }

    public Optional<Ban> active(PeerId peer, Instant now) {
        Ban b = bans.get(peer);
        if (b == null) return Optional.empty();
        if (!b.activeAt(now)) {
            bans.remove(peer);
            return Optional.empty();
        }
        return Optional.of(b);
    }

    public boolean isBanned(PeerId peer, Instant now) {
        return active(peer, now).isPresent();
    }

    public void unban(PeerId peer) {
        bans.remove(peer);
    }

    /** Bans in force at {@code now}, by peer id. */
    public SortedMap<PeerId, Ban> snapshot(Instant now) {
        bans.values().removeIf(b -> !b.activeAt(now));
        return Collections.unmodifiableSortedMap(new TreeMap<>(bans));
    }

    /** Restores persisted bans (expired ones are dropped later). */
    public void restore(Map<PeerId, Ban> saved) {
        bans.putAll(saved);
    }
}
