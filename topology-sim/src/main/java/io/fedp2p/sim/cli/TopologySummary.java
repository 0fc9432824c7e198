package io.fedp2p.sim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.sim.topology.SpectralGap;
import io.fedp2p.sim.topology.Topology;
import java.util.Locale;

/**
 * The JSON object {@code fedp2p topology} prints (CLI.md: {@code nodes}, {@code edges}, {@code degreeMin/Max},
 * {@code spectralGap} of the Metropolis matrix, plus what produced it and the two eigenvalues behind the gap).
 */
final class TopologySummary {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private TopologySummary() {}

    static ObjectNode of(String kind, String topologyText, long seed, Topology t, SpectralGap gap) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", kind);
        o.put("topology", topologyText);
        o.put("seed", seed);
        o.put("nodes", t.size());
        o.put("edges", t.edgeCount());
        o.put("degreeMin", t.minDegree());
        o.put("degreeMax", t.maxDegree());
        o.put("degreeMean", t.meanDegree());
        o.put("connected", t.isConnected());
        o.put("spectralGap", gap.gap());
        o.put("slem", gap.slem());
        o.put("lambda2", gap.lambda2());
        o.put("lambdaN", gap.lambdaN());
        o.put("spectralMethod", gap.method().name().toLowerCase(Locale.ROOT));
        o.put("spectralIterations", gap.iterations());
        o.put("spectralErrorBound", gap.errorBound());
        o.put("spectralConverged", gap.converged());
        return o;
    }
}
