package io.fedp2p.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fedp2p.node.data.FortuneTopicsTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TopicCommandTest {
    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new TrainCommand());
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(out));
        return cl.execute(args);
    }

    @Test
    void linearProbeOnSmallDataPrintsOneJsonObject(@TempDir Path dir) throws Exception {
        FortuneTopicsTest.writeSmall(dir, 12);
        StringWriter out = new StringWriter();
        int code = run(
                out,
                new StringWriter(),
                "--task",
                "fortunes-topic",
                "--model",
                "minilm",
                "--adapter",
                "head",
                "--data-dir",
                dir.toString(),
                "--max-length",
                "16",
                "--epochs",
                "1",
                "--json");
        assertThat(code).isZero();
        JsonNode j = Json.MAPPER.readTree(out.toString());
        assertThat(j.path("task").asText()).isEqualTo("fortunes-topic");
        assertThat(j.path("model").asText()).isEqualTo("minilm");
        assertThat(j.path("perClassAccuracy")).hasSize(8);
        assertThat(j.path("trainableParams").asInt()).isEqualTo(8 * 384 + 8);
        assertThat(j.path("adapterBytes").asLong()).isEqualTo(4L * (8 * 384 + 8));
        assertThat(j.path("backboneSha256").asText()).hasSize(64);
        assertThat(j.path("testAccuracy").asDouble()).isBetween(0.0, 1.0);
        for (String f : new String[] {"epochSeconds", "stepSeconds", "adapterFraction", "modelParams"}) {
            assertThat(j.has(f)).as(f).isTrue();
        }
    }

    @Test
    void fineTuneAdaptsEveryDenseLayerOfTheUnfrozenLayersByDefault(@TempDir Path dir) throws Exception {
        FortuneTopicsTest.writeSmall(dir, 12);
        StringWriter out = new StringWriter();
        int code = run(
                out,
                new StringWriter(),
                "--task",
                "fortunes-topic",
                "--adapter",
                "ffa-lora",
                "--frozen-layers",
                "5",
                "--data-dir",
                dir.toString(),
                "--max-length",
                "16",
                "--epochs",
                "1",
                "--json");
        assertThat(code).isZero();
        JsonNode j = Json.MAPPER.readTree(out.toString());
        assertThat(j.path("adapter").asText())
                .contains("layer.5.q", "layer.5.k", "layer.5.v", "layer.5.o", "layer.5.ffn_in", "layer.5.ffn_out")
                .doesNotContain("layer.4.");
        // B of r = 8 per target: q, k, v, o and ffn_out (384 outputs), ffn_in (1536), plus the 8 × 384 + 8 head
        assertThat(j.path("trainableParams").asInt()).isEqualTo(8 * (5 * 384 + 1536) + 8 * 384 + 8);
    }

    @Test
    void badTaskOrModelExitsWithTwo() {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "--task", "imagenet")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown --task 'imagenet'");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "--task", "fortunes-topic", "--model", "gpt-5"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown text model 'gpt-5'").contains("minilm, bge-small");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "--model", "minilm")).isEqualTo(2);
        assertThat(err.toString()).contains("--task fortunes-topic");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "--task", "fortunes-topic", "--frozen-layers", "7"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("frozen layers 7 of 6");
    }
}
