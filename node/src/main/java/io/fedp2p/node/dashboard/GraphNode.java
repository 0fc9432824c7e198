package io.fedp2p.node.dashboard;

import java.util.Objects;

/**
 * A vertex of the topology view.
 *
 * @param id a stable identifier (peer id, or the node index in a simulation)
 * @param label a short label for the graph
 * @param byzantine marked as an attacker (simulations know this; a node does not)
 * @param self the local node in node mode
 */
public record GraphNode(String id, String label, boolean byzantine, boolean self) {
    public GraphNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
