package io.fedp2p.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fedp2p.sim.topology.GraphFiles;
import io.fedp2p.sim.topology.TopologyGenerators;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class TopologyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TopologyCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsOneJsonObjectWithTheContractFields() throws Exception {
        Run r = run("--kind", "small-world", "--nodes", "100", "--degree", "4", "--seed", "1", "--json");

        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("nodes").asInt()).isEqualTo(100);
        assertThat(j.get("edges").asInt()).isEqualTo(200);
        assertThat(j.get("degreeMin").asInt()).isLessThanOrEqualTo(4);
        assertThat(j.get("degreeMax").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(j.get("spectralGap").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.get("topology").asText()).isEqualTo("small-world:4:0.1");
        assertThat(j.get("seed").asLong()).isEqualTo(1);
    }

    @Test
    void ringGapIsTheClosedForm() throws Exception {
        JsonNode j = run("--kind", "ring", "--nodes", "12").json();

        // λ₂ = 1/3 + (2/3)cos(2π/12), λ_n = −1/3; gap = 1 − λ₂.
        assertThat(j.get("spectralGap").asDouble()).isCloseTo(2.0 / 3 * (1 - Math.cos(Math.PI / 6)), within(1e-12));
        assertThat(j.get("spectralMethod").asText()).isEqualTo("dense");
    }

    @Test
    void sameSeedSameOutputOtherSeedOtherGraph() throws Exception {
        String a = run("--kind", "random-regular", "--nodes", "60", "--degree", "3", "--seed", "5")
                .out();
        String b = run("--kind", "random-regular", "--nodes", "60", "--degree", "3", "--seed", "5")
                .out();
        String c = run("--kind", "random-regular", "--nodes", "60", "--degree", "3", "--seed", "6")
                .out();

        assertThat(a).isEqualTo(b);
        assertThat(JSON.readTree(c).get("spectralGap"))
                .isNotEqualTo(JSON.readTree(a).get("spectralGap"));
    }

    @Test
    void topologySpecStringAndLanczosMethod() throws Exception {
        JsonNode j = run("--topology", "torus:5x8", "--nodes", "40", "--method", "lanczos")
                .json();

        assertThat(j.get("degreeMin").asInt()).isEqualTo(4);
        assertThat(j.get("spectralMethod").asText()).isEqualTo("lanczos");
        assertThat(j.get("spectralConverged").asBoolean()).isTrue();
    }

    @Test
    void writesGraphMlAndJsonThatReadBack() throws Exception {
        Path graphml = dir.resolve("g.graphml");
        Path json = dir.resolve("g.json");

        Run first = run("--kind", "scale-free", "--nodes", "50", "--degree", "2", "--out", graphml.toString());
        run("--kind", "scale-free", "--nodes", "50", "--degree", "2", "--out", json.toString());
        Run again = run("--in", graphml.toString());

        assertThat(first.json().get("out").asText()).isEqualTo(graphml.toString());
        assertThat(GraphFiles.read(graphml).topology())
                .isEqualTo(GraphFiles.read(json).topology());
        assertThat(again.json().get("spectralGap")).isEqualTo(first.json().get("spectralGap"));
        assertThat(again.json().get("kind").asText()).isEqualTo("file");
        assertThat(JSON.readTree(json.toFile()).get("edgeList").size())
                .isEqualTo(first.json().get("edges").asInt());
    }

    @Test
    void analysesAnEdgeListFile() throws Exception {
        Path file = dir.resolve("ring.edges");
        GraphFiles.write(TopologyGenerators.ring(8), file);

        JsonNode j = run("--in", file.toString()).json();

        assertThat(j.get("nodes").asInt()).isEqualTo(8);
        assertThat(j.get("degreeMax").asInt()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--kind random-regular --nodes 5 --degree 3|nodes x degree even",
                "--kind random-regular --nodes 4 --degree 4|degree < nodes",
                "--kind torus --nodes 97|97 has no such factorisation",
                "--kind torus --nodes 100 --rows 7|--rows 7 does not divide --nodes 100",
                "--kind erdos-renyi --nodes 50 --p 1.5|p in (0, 1]",
                "--kind erdos-renyi --nodes 50|needs its edge probability",
                "--kind small-world --nodes 50 --p -0.1|p in [0, 1]",
                "--kind ring --nodes 10 --degree 3|unknown key 'degree' for topology ring",
                "--kind hypercube --nodes 8|valid kinds: ring, torus",
                "--kind ring|--nodes N is required",
                "--kind ring --nodes 0|--nodes must be in 1..1000000",
                "--nodes 10|give exactly one of",
                "--kind ring --nodes 10 --out g.gexf|cannot tell the graph format",
                "--in missing.graphml|does not exist",
                "--kind ring --nodes 10 --method exact|valid: auto, dense, lanczos",
                "--topology ring --nodes 10 --degree 2|put them in the spec string",
            })
    void badParametersExitWithTwoAndAClearMessage(String args, String message) {
        Run r = run(args.split(" "));

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(r.out()).isEmpty();
    }
}
