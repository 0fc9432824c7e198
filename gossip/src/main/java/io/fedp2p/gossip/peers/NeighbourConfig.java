package io.fedp2p.gossip.peers;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a node keeps its neighbours.
 *
 * @param bootstrap peers to join through ({@code /p2p/<id>} optional)
 * @param targetDegree the node dials until it has this many neighbours
 * @param maxDegree beyond this many, the newest connections are closed
 * @param fixedPeers a fixed topology for experiments: when non-empty, the node connects to exactly these peers (at
 *     these addresses) and refuses everyone else
 * @param dialBackoff first wait after a failed dial; doubles per failure
 * @param maxBackoff longest wait between dials of one peer
 * @param tick how often the degree is checked
 * @param pex ask neighbours for more peers while below the target
 * @param pexInterval at most one peer-exchange request per interval
 */
public record NeighbourConfig(
        List<Multiaddr> bootstrap,
        int targetDegree,
        int maxDegree,
        SortedMap<PeerId, List<Multiaddr>> fixedPeers,
        Duration dialBackoff,
        Duration maxBackoff,
        Duration tick,
        boolean pex,
        Duration pexInterval) {
    public NeighbourConfig {
        bootstrap = List.copyOf(bootstrap);
        fixedPeers = Collections.unmodifiableSortedMap(new TreeMap<>(fixedPeers));
        Objects.requireNonNull(dialBackoff, "dialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(pexInterval, "pexInterval");
        if (targetDegree < 1 || maxDegree < targetDegree) {
            throw new IllegalArgumentException(
                    "need 1 <= target degree <= max degree, got " + targetDegree + " and " + maxDegree);
        }
    }

    /** Target 8, maximum 16, backoff 1 s doubling to 60 s, checks every second, peer exchange every 10 s. */
    public static NeighbourConfig defaults(List<Multiaddr> bootstrap) {
        return new NeighbourConfig(
                bootstrap,
                8,
                16,
                new TreeMap<>(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofSeconds(1),
                true,
                Duration.ofSeconds(10));
    }

    public NeighbourConfig withDegrees(int target, int max) {
        return new NeighbourConfig(bootstrap, target, max, fixedPeers, dialBackoff, maxBackoff, tick, pex, pexInterval);
    }

    public NeighbourConfig withFixedPeers(Map<PeerId, List<Multiaddr>> fixed) {
        return new NeighbourConfig(
                bootstrap,
                targetDegree,
                Math.max(maxDegree, fixed.size()),
                new TreeMap<>(fixed),
                dialBackoff,
                maxBackoff,
                tick,
                pex && fixed.isEmpty(),
                pexInterval);
    }

    public NeighbourConfig withPex(boolean on) {
        return new NeighbourConfig(
                bootstrap, targetDegree, maxDegree, fixedPeers, dialBackoff, maxBackoff, tick, on, pexInterval);
    }

    public boolean fixedTopology() {
        return !fixedPeers.isEmpty();
    }
}
