package io.fedp2p.sim.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.data.VisionData;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.VisionArch;
import io.fedp2p.node.train.EngineSetup;
import io.fedp2p.node.train.ProgressListener;
import io.fedp2p.node.train.TrainSettings;
import io.fedp2p.node.train.VisionPretraining;
import io.fedp2p.node.train.VisionTask;
import io.fedp2p.sim.report.Json;
import io.fedp2p.sim.report.RoundRecord;
import io.fedp2p.sim.report.SummaryJson;
import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.scenario.ScenarioReader;
import io.fedp2p.sim.task.SimTasks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tiny run with the real DJL model (a small Fashion-MNIST subset and a small transfer-setting backbone): the engine
 * trains and mixes real FFA-LoRA vectors, and parallel training gives the same bytes as sequential training.
 */
class SimulationVisionTest {
    private static FashionMnist data;
    private static Backbone backbone;

    @BeforeAll
    static void fixtures() {
        EngineSetup.configure(1, 0);
        FashionMnist full = FashionMnist.load(FashionMnist.DEFAULT_DIR);
        data = new FashionMnist(full.train().head(3000), full.test().head(1000));
        VisionPretraining.Spec spec = new VisionPretraining.Spec(
                VisionArch.CNN,
                500,
                VisionData.parseClasses("0-4"),
                2,
                new TrainSettings(0.05f, 1f, 1, 32, 0f, 0.9f, 0f, true),
                0);
        backbone = VisionPretraining.pretrain(data, spec, ProgressListener.NONE);
    }

    @AfterAll
    static void release() {
        data = null;
        backbone = null;
    }

    private static Scenario scenario(String... kv) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("task", "fashion-mnist");
        o.put("nodes", "6");
        o.put("rounds", "2");
        o.put("topology", "ring");
        o.put("partition", "iid");
        o.put("local-steps", "3");
        o.put("batch-size", "32");
        o.put("gossip-steps", "2");
        o.put("evaluation.test-samples", "400");
        for (int i = 0; i < kv.length; i += 2) o.put(kv[i], kv[i + 1]);
        return ScenarioReader.read(null, o);
    }

    private static SimulationResult run(Scenario s, int threads) {
        try (VisionTask task = SimTasks.vision(s, data, backbone, ProgressListener.NONE)) {
            return Simulation.run(s, task, threads, SimulationListener.NONE);
        }
    }

    @Test
    void realModelRunsAreBitIdenticalWithOneOrTwoWorkers() throws Exception {
        Scenario s = scenario("attack", "sign-flip", "byzantine", "1");
        SimulationResult one = run(s, 1);
        SimulationResult two = run(s, 2);
        assertThat(Json.PRETTY.writeValueAsString(SummaryJson.build(two, Map.of())))
                .isEqualTo(Json.PRETTY.writeValueAsString(SummaryJson.build(one, Map.of())));
        List<RoundRecord> rounds = one.rounds();
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(1).completed()).isEqualTo(5);
        assertThat(rounds.get(1).accuracy().mean()).isBetween(0.05, 1.0);
        assertThat(rounds.get(1).trainLoss()).isFinite();
        assertThat(one.start().dimension())
                .isEqualTo(SimTasks.vision(s, data, backbone, ProgressListener.NONE)
                        .dimension());
        assertThat(one.work().trainings()).isEqualTo(12);
    }

    /**
     * {@code exchange-mode: frl-native} reaches the engines (ALGORITHMS.md §3.9a): the frl-mask run gossips the head
     * as floats and rankings as varints, so it sends fewer bytes than the same run in float mode, it trains, and it is
     * deterministic.
     */
    @Test
    void frlNativeModeGossipsRankingsDeterministically() throws Exception {
        Scenario nat = scenario("adapter", "frl-mask", "rank", "4", "exchange-mode", "frl-native");
        Scenario flt = scenario("adapter", "frl-mask", "rank", "4");
        SimulationResult a = run(nat, 1);
        SimulationResult b = run(nat, 1);
        SimulationResult f = run(flt, 1);

        String summary = Json.PRETTY.writeValueAsString(SummaryJson.build(a, Map.of()));
        assertThat(Json.PRETTY.writeValueAsString(SummaryJson.build(b, Map.of())))
                .isEqualTo(summary);
        assertThat(summary).contains("\"exchangeMode\" : \"frl-native\"");
        assertThat(a.rounds()).hasSize(2);
        assertThat(a.rounds().get(1).completed()).isEqualTo(6);
        assertThat(a.rounds().get(1).accuracy().mean()).isBetween(0.05, 1.0);
        assertThat(a.bytesSent()).isLessThan(f.bytesSent());
        assertThat(Json.PRETTY.writeValueAsString(SummaryJson.build(f, Map.of())))
                .doesNotContain("exchangeMode");
    }
}
