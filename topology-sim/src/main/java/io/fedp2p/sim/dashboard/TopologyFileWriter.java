package io.fedp2p.sim.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.sim.core.SimulationListener;
import io.fedp2p.sim.core.SimulationStart;
import io.fedp2p.sim.topology.JsonGraphFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code topology.json} when a simulation starts: {@code fedp2p topology}'s JSON ({@code nodes}, {@code
 * edges}, {@code edgeList}) plus {@code byzantine} (node indices) and {@code peerIds}, so that {@code fedp2p sim
 * --replay DIR} and {@code fedp2p dashboard DIR} can draw a finished run's graph.
 */
public final class TopologyFileWriter implements SimulationListener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public TopologyFileWriter(Path file) {
        this.file = file;
    }

    @Override
    public void onStart(SimulationStart start) {
        ObjectNode root = JSON.createObjectNode();
        root.put("nodes", start.topology().size());
        root.put("edges", start.topology().edgeCount());
        root.set("edgeList", JsonGraphFormat.edgeList(start.topology()));
        ArrayNode byz = root.putArray("byzantine");
        start.byzantine().forEach(byz::add);
        ArrayNode ids = root.putArray("peerIds");
        start.peerIds().forEach(ids::add);
        try {
            Files.writeString(file, root + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
