package io.fedp2p.sim.core;

import io.fedp2p.node.train.Task;
import io.fedp2p.sim.report.Json;
import io.fedp2p.sim.report.SummaryJson;
import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.scenario.ScenarioReader;
import io.fedp2p.sim.scenario.Twin;
import io.fedp2p.sim.task.SimTasks;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small vector-task scenarios for the simulator's tests (each run well under a second). */
final class VectorRuns {
    private static final Map<String, String> BASE = new LinkedHashMap<>();

    static {
        BASE.put("task", "vector");
        BASE.put("nodes", "12");
        BASE.put("rounds", "6");
        BASE.put("partition", "dirichlet:0.5");
        BASE.put("local-steps", "5");
        BASE.put("batch-size", "16");
        BASE.put("lr", "0.2");
        BASE.put("vector.samples-per-node", "40");
        BASE.put("vector.test-samples", "500");
    }

    private VectorRuns() {}

    /** 12 nodes, random-regular:4, 6 rounds, Dirichlet 0.5, 5 local steps of 16, lr 0.2; then the given keys. */
    static Scenario scenario(String... kv) {
        Map<String, String> o = new LinkedHashMap<>(BASE);
        for (int i = 0; i < kv.length; i += 2) o.put(kv[i], kv[i + 1]);
        return ScenarioReader.read(null, o);
    }

    /** The defaults of {@link #scenario} with a YAML text on top (for churn lists). */
    static Scenario scenarioYaml(String yaml, String... kv) {
        try {
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper(
                            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(yaml);
            BASE.forEach((k, v) -> {
                if (tree.at("/" + k.replace('.', '/')).isMissingNode()) ScenarioReader.override(tree, k, v);
            });
            for (int i = 0; i < kv.length; i += 2) ScenarioReader.override(tree, kv[i], kv[i + 1]);
            return ScenarioReader.parse(tree);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static SimulationResult run(Scenario s) {
        return run(s, 1, SimulationListener.NONE);
    }

    static SimulationResult run(Scenario s, int threads, SimulationListener listener) {
        try (Task task = SimTasks.create(s, (d, t, m) -> {})) {
            return Simulation.run(s, task, threads, listener);
        }
    }

    /** The summary.json text of a run and its twins. */
    static String summary(Scenario s, int threads) {
        try (Task task = SimTasks.create(s, (d, t, m) -> {})) {
            SimulationResult main = Simulation.run(s, task, threads, SimulationListener.NONE);
            Map<Twin, SimulationResult> twins = new EnumMap<>(Twin.class);
            for (Twin t : s.twins()) twins.put(t, Simulation.run(s.twin(t), task, threads, SimulationListener.NONE));
            return Json.PRETTY.writeValueAsString(SummaryJson.build(main, twins));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
