package io.fedp2p.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code fedp2p} command. Every module contributes its own subcommands (CLI.md); this class only
 * assembles them, because examples is the one module that sees all others.
 *
 * <p>Exit codes (CLI.md): 0 success, 1 run failed, 2 bad usage or bad input. Commands report bad input by throwing
 * {@link CommandLine.ParameterException}; anything else that escapes a command is a failed run.
 */
@Command(
        name = "fedp2p",
        mixinStandardHelpOptions = true,
        versionProvider = Fedp2pCli.Version.class,
        description = "Peer-to-peer decentralized federated learning with PEFT adapters and Byzantine robustness.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Fedp2pCli implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Fedp2pCli.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command tree with every module's subcommands. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Fedp2pCli());
        for (Object command : Subcommands.all()) {
            cli.addSubcommand(command);
        }
        cli.setExecutionExceptionHandler(Fedp2pCli::handleFailure);
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    private static int handleFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof CommandLine.ParameterException pe) {
            err.println("error: " + pe.getMessage());
            pe.getCommandLine().usage(err);
            return CommandLine.ExitCode.USAGE;
        }
        err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        log.debug("command failed", e);
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** {@code fedp2p --version}: the project version and the JVM it runs on (that JVM sets the cipher speed). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "fedp2p " + projectVersion(),
                "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.vm.name") + ")",
            };
        }

        static String projectVersion() {
            Properties p = new Properties();
            try (InputStream in = Fedp2pCli.class.getResourceAsStream("/fedp2p-version.properties")) {
                if (in != null) p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p.getProperty("version", "unknown");
        }
    }
}
