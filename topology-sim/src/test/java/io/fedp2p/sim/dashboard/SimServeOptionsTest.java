package io.fedp2p.sim.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.sim.cli.SimCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad serving options are usage errors (exit 2) found before anything runs or binds. */
class SimServeOptionsTest {
    @TempDir
    Path dir;

    private static int run(StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new SimCommand());
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void aRoundDelayWithoutServeIsAUsageError() {
        StringWriter err = new StringWriter();

        assertThat(run(err, "--serve-round-delay", "100ms", "--out", dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--serve-round-delay needs --serve");
    }

    @Test
    void aMalformedServeAddressIsAUsageError() {
        StringWriter err = new StringWriter();

        assertThat(run(err, "--serve", "localhost", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("HOST:PORT");
    }

    @Test
    void replayingADirectoryWithoutMetricsIsAUsageError() {
        StringWriter err = new StringWriter();

        assertThat(run(err, "--replay", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no metrics.jsonl");
        assertThat(run(err, "--replay", dir.resolve("missing").toString())).isEqualTo(2);
    }
}
