package io.fedp2p.node.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fixed topology for experiments: this node's neighbours, as YAML or JSON {@code peers: [multiaddr/p2p/<id>, ...]}.
 * The node then connects to exactly these peers and refuses all others.
 */
final class TopologyFile {
    private TopologyFile() {}

    /**
     * @throws IllegalArgumentException naming the file and the bad entry
     */
    static Map<PeerId, List<Multiaddr>> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("topology file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject())
            throw new IllegalArgumentException("topology file " + file + " must be a map");
        root.fieldNames().forEachRemaining(k -> {
            if (!k.equals("peers")) {
                throw new IllegalArgumentException(
                        "topology file " + file + ": unknown key '" + k + "' (valid: peers)");
            }
        });
        JsonNode peers = root.path("peers");
        if (!peers.isArray() || peers.isEmpty()) {
            throw new IllegalArgumentException("topology file " + file + ": 'peers' must be a non-empty list");
        }
        TreeMap<PeerId, List<Multiaddr>> out = new TreeMap<>();
        for (JsonNode p : peers) {
            Multiaddr a;
            try {
                a = Multiaddr.parse(p.asText());
                a.tcpEndpoint();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "topology file " + file + ": bad address '" + p.asText() + "': " + e.getMessage());
            }
            PeerId id = a.peerId()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "topology file " + file + ": address '" + p.asText() + "' needs /p2p/<peer id>"));
            out.computeIfAbsent(id, k -> new ArrayList<>()).add(a.withoutPeerId());
        }
        return out;
    }
}
