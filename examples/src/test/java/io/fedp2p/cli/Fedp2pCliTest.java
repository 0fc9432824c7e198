package io.fedp2p.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class Fedp2pCliTest {

    @Test
    void versionNamesTheProjectAndTheJvm() {
        StringWriter out = new StringWriter();
        CommandLine cli = Fedp2pCli.commandLine();
        cli.setOut(new PrintWriter(out));

        int code = cli.execute("--version");

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("fedp2p ").contains("java " + System.getProperty("java.version"));
    }

    @Test
    void unknownOptionIsBadUsageWithExitCodeTwo() {
        StringWriter err = new StringWriter();
        CommandLine cli = Fedp2pCli.commandLine();
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("--no-such-option");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--no-such-option");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String name : Fedp2pCli.commandLine().getSubcommands().keySet()) {
            StringWriter out = new StringWriter();
            CommandLine cli = Fedp2pCli.commandLine();
            cli.setOut(new PrintWriter(out));

            int code = cli.execute(name, "--help");

            assertThat(code).as(name + " --help").isZero();
            assertThat(out.toString()).as(name + " --help").contains("Usage:");
        }
    }

    /** picocli formats descriptions with String.format: an unescaped percent sign prints a warning on stderr. */
    @Test
    void helpTextsFormatWithoutWarnings() {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            for (String name : Fedp2pCli.commandLine().getSubcommands().keySet()) {
                CommandLine cli = Fedp2pCli.commandLine();
                cli.setOut(new PrintWriter(new StringWriter()));
                cli.execute(name, "--help");
            }
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }
}
