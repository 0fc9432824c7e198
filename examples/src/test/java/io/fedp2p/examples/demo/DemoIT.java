package io.fedp2p.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fedp2p.examples.FashionMnistSubset;
import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.data.VisionData;
import io.fedp2p.node.model.BackboneFile;
import io.fedp2p.node.model.VisionArch;
import io.fedp2p.node.runtime.TaskChoice;
import io.fedp2p.node.train.EngineSetup;
import io.fedp2p.node.train.TrainSettings;
import io.fedp2p.node.train.VisionPretraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small demo (4 peers on loopback over real libp2p connections, one attacker, 3 rounds, both twins) run twice with
 * the same seed: summary.json must carry CLI.md's fields and be byte-identical, although every message crossed real
 * sockets on the wall clock. Runs on a copy of the first 12,000 training and 1,000 test images with a backbone
 * pretrained here for one epoch.
 */
class DemoIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static Path data;
    static Path backbone;

    @BeforeAll
    static void fixtures() throws Exception {
        data = work.resolve("data");
        FashionMnistSubset.write(data, 12_000, 1_000);
        EngineSetup.configure(1, 0);
        var spec = new VisionPretraining.Spec(
                VisionArch.CNN, 2_000, VisionData.parseClasses("0-4"), 1, TrainSettings.CENTRALIZED, 0);
        backbone = work.resolve("backbone.fp2pbb");
        BackboneFile.save(VisionPretraining.pretrain(FashionMnist.load(data), spec, (d, t, m) -> {}), backbone);
    }

    private static DemoSettings settings(Path out) {
        return new DemoSettings(
                4,
                1,
                3,
                "sign-flip:s=4",
                "pipeline",
                "ring",
                "iid",
                10,
                2,
                5,
                12_000,
                1_000,
                true,
                data,
                backbone,
                null,
                out,
                TaskChoice.DEFAULT);
    }

    private static String run(Path out) throws Exception {
        DemoSettings s = settings(out);
        List<DemoRun.Result> results = new ArrayList<>();
        try (DemoNetwork net = DemoNetwork.create(s, (d, t, m) -> {}, (d, t, m) -> {})) {
            for (DemoVariant v : DemoVariant.of(s)) results.add(DemoRun.run(net, v, r -> {}, line -> {}));
            new DemoReport(net, results).writeSummary(out);
        }
        return Files.readString(out.resolve("summary.json"));
    }

    @Test
    void twoRunsOverRealSocketsWriteTheSameSummary() throws Exception {
        String first = run(work.resolve("a"));
        String second = run(work.resolve("b"));
        assertThat(second).isEqualTo(first);
        JsonNode s = JSON.readTree(first);
        for (String f : List.of(
                "seed",
                "nodes",
                "byzantine",
                "rounds",
                "attack",
                "defence",
                "noAttackAccuracy",
                "noDefenceAccuracy",
                "bytesSentPerNodePerRound",
                "virtualSeconds")) {
            assertThat(s.has(f)).as(f).isTrue();
        }
        assertThat(s.path("nodes").asInt()).isEqualTo(4);
        assertThat(s.path("honestAccuracy").path("mean").asDouble()).isBetween(0.0, 1.0);
        assertThat(s.path("noAttackAccuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(s.path("perRound")).hasSize(3);
        assertThat(s.path("byzantineMessagesAccepted").asInt()
                        + s.path("byzantineMessagesRejected").asInt())
                .as("the attacker's two neighbours heard it every round")
                .isEqualTo(2 * 3);
        assertThat(Files.exists(work.resolve("a").resolve("keys").resolve("peer-0.key")))
                .isTrue();
        assertThat(Files.readAllLines(work.resolve("a/runs/defended/peer-0/metrics.jsonl")))
                .hasSize(3);
    }
}
