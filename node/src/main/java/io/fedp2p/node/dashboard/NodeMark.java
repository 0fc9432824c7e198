package io.fedp2p.node.dashboard;

import java.util.Objects;

/**
 * The trust shown on a vertex: its reputation and ban state.
 *
 * @param id the {@link GraphNode#id()}
 * @param reputation relative trust in [0, 1]: the RFFL reputation divided by the largest one the observer gives any
 *     neighbour (RFFL's reward ratio q, ALGORITHMS.md §4.1; reputations are normalised to sum 1, so raw values
 *     depend on the degree), averaged over observers in a simulation; null if unknown
 * @param banned banned or removed by the defence
 * @param reason why, or null
 */
public record NodeMark(String id, Double reputation, boolean banned, String reason) {
    public NodeMark {
        Objects.requireNonNull(id, "id");
        if (reputation != null && !(reputation >= 0 && reputation <= 1))
            throw new IllegalArgumentException("relative reputation must be in [0, 1], got " + reputation);
    }
}
