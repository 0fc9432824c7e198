package io.fedp2p.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandsTest {
    private static int run(Object command, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void helpWorks() {
        assertThat(run(new PretrainCommand(), new StringWriter(), "--help")).isZero();
        assertThat(run(new TrainCommand(), new StringWriter(), "--help")).isZero();
    }

    @Test
    void badInputExitsWithTwoAndNamesTheProblem() {
        StringWriter err = new StringWriter();
        assertThat(run(new PretrainCommand(), err, "--model", "resnet", "--out", "x.fp2pbb"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown vision model 'resnet'");
        err = new StringWriter();
        assertThat(run(new PretrainCommand(), err, "--public-classes", "3-12", "--out", "x.fp2pbb"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("outside 0-9");
        err = new StringWriter();
        assertThat(run(new TrainCommand(), err, "--data-dir", "/nonexistent-dir", "--backbone", "b"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("/nonexistent-dir");
    }
}
