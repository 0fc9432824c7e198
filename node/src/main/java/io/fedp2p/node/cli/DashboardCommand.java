package io.fedp2p.node.cli;

import io.fedp2p.node.dashboard.DashboardHub;
import io.fedp2p.node.dashboard.DashboardServer;
import io.fedp2p.node.dashboard.RunReplay;
import io.fedp2p.node.dashboard.ServeAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fedp2p dashboard DIR}: serves the web dashboard of a finished run, replayed from its output directory (a
 * node's or a simulation's {@code --out}: {@code metrics.jsonl}, and {@code topology.json} and {@code summary.json}
 * when present), until Ctrl-C. The first stdout line is {@code Dashboard on <url>}. A running node serves its own
 * dashboard on its {@code --api} address.
 */
@Command(
        name = "dashboard",
        mixinStandardHelpOptions = true,
        description = "Serves the web dashboard of a finished run from its output directory (metrics.jsonl, and"
                + " topology.json and summary.json when present) until Ctrl-C.")
public final class DashboardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "a run's output directory (node or sim --out)")
    Path dir;

    @Option(
            names = "--serve",
            defaultValue = "127.0.0.1:0",
            paramLabel = "HOST:PORT",
            description = "address to serve on (default: ${DEFAULT-VALUE}, any free port; other hosts than loopback"
                    + " print a warning: the dashboard has no authentication)")
    String serve;

    @Override
    public Integer call() {
        ServeAddress address;
        DashboardHub hub;
        try {
            address = ServeAddress.parse(serve);
            if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no such directory: " + dir);
            hub = RunReplay.load(dir);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DashboardServer server;
        try {
            server = DashboardServer.start(hub, address);
        } catch (IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        spec.commandLine().getOut().println("Dashboard on " + server.url());
        spec.commandLine().getOut().flush();
        System.err.println(hub.roundCount() + " rounds from " + dir + "; Ctrl-C to stop");
        server.awaitShutdown();
        return 0;
    }
}
