package io.fedp2p.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fedp2p.sim.scenario.ScenarioReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SimCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path scenario() throws IOException {
        Path f = dir.resolve("small.yaml");
        Files.writeString(
                f,
                """
                name: small
                task: vector
                nodes: 10
                rounds: 4
                partition: dirichlet:0.5
                local-steps: 4
                batch-size: 16
                lr: 0.2
                attack: sign-flip
                byzantine: 2
                twins: [no-attack, no-defence]
                target-accuracy: 0.5
                network: {latency: uniform:5ms:20ms}
                vector: {samples-per-node: 30, test-samples: 300}
                """);
        return f;
    }

    @Test
    void writesEveryOutputAndASummaryWithTheContractFields() throws Exception {
        Path out = dir.resolve("out");
        Run r = run("--scenario", scenario().toString(), "--out", out.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode printed = JSON.readTree(r.out());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(printed).isEqualTo(summary);
        for (String f : List.of(
                "seed",
                "nodes",
                "byzantine",
                "rounds",
                "attack",
                "defence",
                "honestAccuracy",
                "noAttackAccuracy",
                "noDefenceAccuracy",
                "bytesSentPerNodePerRound",
                "virtualSeconds")) {
            assertThat(summary.has(f)).as(f).isTrue();
        }
        assertThat(summary.get("nodes").asInt()).isEqualTo(10);
        assertThat(summary.get("byzantine").asInt()).isEqualTo(2);
        assertThat(summary.get("attack").asText()).isEqualTo("sign-flip");
        assertThat(summary.get("honestAccuracy").get("min").asDouble())
                .isLessThanOrEqualTo(summary.get("honestAccuracy").get("mean").asDouble());
        assertThat(summary.has("roundsToTarget")).isTrue();
        List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertThat(lines).hasSize(4);
        JsonNode first = JSON.readTree(lines.get(0));
        for (String f : List.of(
                "round",
                "honestAccuracy",
                "loss",
                "consensusDistance",
                "bytesSent",
                "accepted",
                "rejected",
                "mixingDeficit",
                "virtualSeconds")) {
            assertThat(first.has(f)).as(f).isTrue();
        }
        assertThat(Files.readAllLines(out.resolve("metrics-no-attack.jsonl"))).hasSize(4);
        for (String png : List.of("accuracy.png", "consensus.png", "bytes.png")) {
            assertThat(Files.size(out.resolve(png))).as(png).isGreaterThan(1000);
        }
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(run.has("wallSeconds")).isTrue();
        assertThat(run.has("heapPerNodeAtEndBytes")).isTrue();
        assertThat(summary.has("wallSeconds")).isFalse();
    }

    @Test
    void twoRunsOfOneScenarioWriteTheSameSummaryBytes() throws Exception {
        Path f = scenario();
        assertThat(run("--scenario", f.toString(), "--out", dir.resolve("a").toString(), "--no-charts")
                        .code())
                .isZero();
        assertThat(run(
                                "--scenario",
                                f.toString(),
                                "--out",
                                dir.resolve("b").toString(),
                                "--no-charts",
                                "--threads",
                                "1")
                        .code())
                .isZero();
        assertThat(Files.readAllBytes(dir.resolve("a/summary.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b/summary.json")));
        assertThat(Files.readAllBytes(dir.resolve("a/metrics.jsonl")))
                .isEqualTo(Files.readAllBytes(dir.resolve("b/metrics.jsonl")));
    }

    @Test
    void optionsOverrideTheScenario() throws Exception {
        Path out = dir.resolve("o");
        Run r = run(
                "--scenario",
                scenario().toString(),
                "--out",
                out.toString(),
                "--nodes",
                "8",
                "--rounds",
                "2",
                "--byzantine",
                "1",
                "--set",
                "twins=no-defence",
                "--no-charts",
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = JSON.readTree(r.out());
        assertThat(s.get("nodes").asInt()).isEqualTo(8);
        assertThat(s.get("rounds").asInt()).isEqualTo(2);
        assertThat(s.get("byzantine").asInt()).isEqualTo(1);
        assertThat(s.has("noAttackAccuracy")).isFalse();
    }

    @Test
    void badInputExitsWithTwoAndNamesTheKey() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "task: vector\nnodes: 5\nnetwork: {latncy: 5ms}\n");
        Run r = run("--scenario", bad.toString(), "--out", dir.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("network.latncy").contains("bad.yaml");
        Run topo = run(
                "--task",
                "vector",
                "--nodes",
                "5",
                "--topology",
                "random-regular:3",
                "--out",
                dir.resolve("y").toString());
        assertThat(topo.code()).isEqualTo(2);
        Run set = run(
                "--task", "vector", "--set", "nodes", "--out", dir.resolve("z").toString());
        assertThat(set.code()).isEqualTo(2);
        assertThat(set.err()).contains("KEY=VALUE");
    }

    @Test
    void everyExampleScenarioIsValid() throws IOException {
        Path examples = Path.of("..", "examples", "scenarios");
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(examples, "*.yaml")) {
            for (Path f : files) {
                assertThat(ScenarioReader.read(f, Map.of())).as(f.toString()).isNotNull();
                n++;
            }
        }
        assertThat(n).isGreaterThanOrEqualTo(5);
    }
}
