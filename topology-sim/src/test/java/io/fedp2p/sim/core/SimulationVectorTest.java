package io.fedp2p.sim.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.node.train.Task;
import io.fedp2p.sim.report.RoundRecord;
import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.scenario.ScenarioReader;
import io.fedp2p.sim.task.SimTasks;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationVectorTest {
    static Scenario scenario(Map<String, String> extra) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("task", "vector");
        o.put("nodes", "12");
        o.put("rounds", "6");
        o.put("topology", "random-regular:4");
        o.put("partition", "dirichlet:0.5");
        o.put("local-steps", "5");
        o.put("batch-size", "16");
        o.put("lr", "0.2");
        o.putAll(extra);
        return ScenarioReader.read(null, o);
    }

    static SimulationResult run(Scenario s, int threads) {
        try (Task task = SimTasks.create(s, (d, t, m) -> {})) {
            return Simulation.run(s, task, threads, SimulationListener.NONE);
        }
    }

    @Test
    void honestNodesLearnAndAgree() {
        SimulationResult r = run(scenario(Map.of()), 1);
        assertThat(r.rounds()).hasSize(6);
        RoundRecord first = r.rounds().get(0);
        RoundRecord last = r.rounds().get(5);
        System.out.println(r.rounds());
        assertThat(last.accuracy().mean()).isGreaterThan(first.accuracy().mean());
        assertThat(last.completed()).isEqualTo(12);
    }
}
