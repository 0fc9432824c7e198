package io.fedp2p.node.dashboard;

import java.util.Objects;

/**
 * An undirected link of the topology view.
 *
 * @param a one end's {@link GraphNode#id()}
 * @param b the other end's
 * @param bytes traffic over the link so far (both directions; 0 when unknown)
 */
public record GraphEdge(String a, String b, long bytes) {
    public GraphEdge {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (bytes < 0) throw new IllegalArgumentException("bytes must be >= 0");
    }
}
