package io.fedp2p.robustness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fedp2p.robustness.defence.DefenceSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fedp2p aggregate} as CLI.md specifies it. */
class AggregateCommandTest {
    static final String SEVEN = "{\"vectors\": [[3.2],[2.7],[5.6],[0.2],[4.4],[3.7],[0.2]]}";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    Run run(String input, String... args) throws IOException {
        Path file = dir.resolve("in.json");
        Files.writeString(file, input);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new AggregateCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--input");
        all.add(file.toString());
        int code = cli.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void krumFromTheReadme() throws IOException {
        Run r = run(SEVEN, "--rule", "krum", "--f", "1");

        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("aggregate").get(0).floatValue()).isEqualTo(3.7f);
        assertThat(j.get("accepted").toString()).isEqualTo("[5]");
        assertThat(j.get("scores")).hasSize(7);
        assertThat(j.get("rejected")).hasSize(6);
    }

    @Test
    void everyRuleRunsOnTheSameInput() throws IOException {
        String input = "{\"vectors\": [[0,0],[1,0],[0,1],[1,1],[0.5,0.5],[0.4,0.6],[20,-20]]}";
        for (String rule : DefenceSpec.names()) {
            Run r = run(input, "--rule", rule, "--own", "0");
            assertThat(r.code()).as(rule + ": " + r.err()).isZero();
            JsonNode j = r.json();
            assertThat(j.get("aggregate")).as(rule).hasSize(2);
            assertThat(j.get("scores")).as(rule).hasSize(7);
            assertThat(j.get("rule").asText()).isEqualTo(rule);
        }
    }

    @Test
    void badInputExitsWithCodeTwoAndAMessage() throws IOException {
        assertThat(run("{\"vectors\": [[1,2],[3]]}", "--rule", "mean").err()).contains("ragged vectors");
        assertThat(run("{\"vectors\": [[1,2],[3]]}", "--rule", "mean").code()).isEqualTo(2);
        assertThat(run("{\"vectors\": [[1, NaN]]}", "--rule", "mean").code()).isEqualTo(2);
        assertThat(run("{\"vectors\": [[1e39]]}", "--rule", "mean").err()).contains("not a finite 32-bit float");
        assertThat(run("[1, 2", "--rule", "mean").err()).contains("malformed JSON");
        assertThat(run("{\"vector\": [[1]]}", "--rule", "mean").err()).contains("unknown field 'vector'");
        assertThat(run(SEVEN, "--rule", "krum", "--param", "g=1").err())
                .contains("unknown key 'g' for krum; valid keys: f");
        assertThat(run(SEVEN, "--rule", "krum", "--f", "3").err()).contains("m = 7, f = 3");
        assertThat(run(SEVEN, "--rule", "nope").code()).isEqualTo(2);
        assertThat(run(SEVEN, "--rule", "mean", "--own", "9").err()).contains("--own 9");
        assertThat(run("{\"vectors\": [[1],[2]], \"f1\": [[0.5],[0.5]]}", "--rule", "bristle")
                        .err())
                .contains("familiarClasses");
    }

    @Test
    void fOnARuleWithoutItIsANote() throws IOException {
        Run r = run(SEVEN, "--rule", "median", "--f", "2");

        assertThat(r.code()).isZero();
        assertThat(r.json().get("notes").toString()).contains("--f is not used by median");
        assertThat(r.json().get("aggregate").get(0).floatValue()).isEqualTo(3.2f);
    }

    @Test
    void modelStagesRunOnlyOnSuppliedScores() throws IOException {
        String vectors = "\"vectors\": [[0,0],[1,0],[0,1],[1,1]]";
        Run skipped = run("{" + vectors + "}", "--rule", "bristle", "--own", "0");
        assertThat(skipped.json().get("notes").toString()).contains("skipped");

        Run scored = run(
                "{" + vectors + ", \"f1\": [[0.6,0.6],[0.6,0.6],[0.9,0.9],[0.1,0.1]],"
                        + " \"familiarClasses\": [0, 1]}",
                "--rule",
                "pipeline",
                "--own",
                "0",
                "--param",
                "frl=off");
        assertThat(scored.code()).as(scored.err()).isZero();
        assertThat(scored.json().get("rejected").toString()).contains("BRISTLE_SCORE");
        assertThat(scored.json().get("scoreName").asText()).isEqualTo("distance");

        Run mozi = run(
                "{\"vectors\": [[0],[1],[-1],[2]], \"losses\": [1.0, 0.5, 2.0, 0.1]}",
                "--rule",
                "mozi",
                "--own",
                "0",
                "--param",
                "rho=0.5");
        // 2 nearest of 3: 1 and −1; loss 2.0 > 1.0 rejects −1 -> 0.5·0 + 0.5·1
        assertThat(mozi.json().get("aggregate").get(0).floatValue()).isEqualTo(0.5f);
        assertThat(mozi.json().get("rejected").toString()).contains("MOZI_LOSS");
    }

    @Test
    void rfflRemovesAnAdversaryWithoutGraceAndMixesWithoutIt() throws IOException {
        String input = "{\"vectors\": [[1,1,0],[1,0.9,0.1],[0.9,1,0],[1,1.1,0.1],[-1,-1,0]]}";

        Run r = run(input, "--rule", "rffl", "--own", "0", "--param", "grace=0");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("rejected").toString()).contains("RFFL_BANNED").contains("\"index\":4");
        assertThat(r.json().get("scores").get(4).doubleValue()).isZero();
        assertThat(r.json().get("scores").get(0).isNull()).isTrue();
    }
}
