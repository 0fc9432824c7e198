package io.fedp2p.sim.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.node.data.FortuneCorpus;
import io.fedp2p.node.data.FortuneTopics;
import io.fedp2p.node.train.EngineSetup;
import io.fedp2p.node.train.ProgressListener;
import io.fedp2p.node.train.TopicTask;
import io.fedp2p.sim.report.Json;
import io.fedp2p.sim.report.RoundRecord;
import io.fedp2p.sim.report.SummaryJson;
import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.scenario.ScenarioReader;
import io.fedp2p.sim.task.SimTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fortunes-topic} on the real all-MiniLM-L6-v2 in the simulator, kept cheap: 16 entries per topic, 16 tokens
 * per entry, 3 nodes, 2 rounds of 2 local steps. The engine trains and mixes real FFA-LoRA vectors on the encoder's
 * top layers, and the summary is the same bytes with one or two workers and across runs on one shared task.
 */
class SimulationTopicTest {
    @TempDir
    static Path dir;

    private static FortuneTopics data;

    @BeforeAll
    static void smallData() throws Exception {
        EngineSetup.configure(1, 0);
        for (String c : FortuneTopics.CATEGORIES) {
            List<String> e = FortuneTopics.entries(Files.readAllBytes(FortuneCorpus.DEFAULT_DIR.resolve(c)));
            Files.writeString(dir.resolve(c), String.join("\n%\n", e.subList(0, 16)) + "\n");
        }
        data = FortuneTopics.load(dir);
    }

    private static Scenario scenario(String... kv) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("task", "fortunes-topic");
        o.put("model", "minilm");
        o.put("nodes", "3");
        o.put("rounds", "2");
        o.put("topology", "ring");
        o.put("partition", "iid");
        o.put("local-steps", "2");
        o.put("batch-size", "8");
        o.put("gossip-steps", "2");
        o.put("max-length", "16");
        for (int i = 0; i < kv.length; i += 2) o.put(kv[i], kv[i + 1]);
        return ScenarioReader.read(null, o);
    }

    @Test
    void encoderRunsAreBitIdenticalWithOneOrTwoWorkers() throws Exception {
        Scenario s = scenario("attack", "sign-flip", "byzantine", "1");
        try (TopicTask task = SimTasks.topic(s, data, ProgressListener.NONE)) {
            // FFA-LoRA's B (384 × 8) on q and v of layers 4 and 5, plus the 8-way head on 384 features
            assertThat(task.dimension()).isEqualTo(4 * 384 * 8 + 8 * 384 + 8);
            SimulationResult one = Simulation.run(s, task, 1, SimulationListener.NONE);
            SimulationResult two = Simulation.run(s, task, 2, SimulationListener.NONE);
            String summary = Json.PRETTY.writeValueAsString(SummaryJson.build(one, Map.of()));
            assertThat(Json.PRETTY.writeValueAsString(SummaryJson.build(two, Map.of())))
                    .isEqualTo(summary);
            assertThat(summary)
                    .contains("\"task\" : \"fortunes-topic\"", "\"model\" : \"minilm\"", "\"frozenLayers\" : 4");
            List<RoundRecord> rounds = one.rounds();
            assertThat(rounds).hasSize(2);
            assertThat(rounds.get(1).completed()).isEqualTo(2);
            assertThat(rounds.get(1).accuracy().mean()).isBetween(0.0, 1.0);
            assertThat(rounds.get(1).trainLoss()).isFinite();
            assertThat(one.work().trainings()).isEqualTo(6);
        }
    }
}
