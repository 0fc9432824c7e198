package io.fedp2p.sim.dashboard;

import io.fedp2p.node.dashboard.DashboardHub;
import io.fedp2p.node.dashboard.DashboardServer;
import io.fedp2p.node.dashboard.RunReplay;
import io.fedp2p.node.dashboard.ServeAddress;
import io.fedp2p.sim.network.Quantities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code fedp2p sim --serve HOST:PORT [--serve-round-delay D]}: serves the dashboard while the simulation runs and,
 * after it ends, until Ctrl-C; {@code --replay DIR} serves a finished run's directory instead of simulating. The URL
 * goes to stderr (stdout keeps the results and {@code --json}).
 *
 * @param address where to serve
 * @param roundDelay wall-clock pause after each round (zero: none)
 */
public record SimServe(ServeAddress address, Duration roundDelay) {
    public SimServe {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(roundDelay, "roundDelay");
        if (roundDelay.isNegative()) throw new IllegalArgumentException("the round delay must be >= 0");
    }

    /**
     * @param address HOST:PORT, or null for 127.0.0.1:0
     * @param delay a duration such as 200ms, or null for none
     * @throws IllegalArgumentException naming the bad value
     */
    public static SimServe parse(String address, String delay) {
        ServeAddress a = address == null ? ServeAddress.DEFAULT : ServeAddress.parse(address);
        Duration d;
        try {
            d = delay == null ? Duration.ZERO : Quantities.duration(delay);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--serve-round-delay: " + e.getMessage(), e);
        }
        if (d.compareTo(Duration.ofMinutes(1)) > 0)
            throw new IllegalArgumentException("--serve-round-delay must be at most 1m, got " + delay);
        return new SimServe(a, d);
    }

    /** A running dashboard for a simulation about to start: its hub listener and its server. */
    public record Live(SimDashboard listener, DashboardServer server) {}

    /**
     * Starts serving an empty dashboard that the returned listener fills.
     *
     * @throws IllegalStateException when the address cannot be bound
     */
    public Live start() {
        DashboardHub hub = SimDashboard.emptyHub();
        DashboardServer server = DashboardServer.start(hub, address);
        System.err.println("Dashboard on " + server.url());
        return new Live(new SimDashboard(hub, roundDelay), server);
    }

    /** After the run: keeps serving until Ctrl-C. */
    public static void serveOn(DashboardServer server) {
        System.err.println("simulation finished; the dashboard stays on " + server.url() + " until Ctrl-C");
        server.awaitShutdown();
    }

    /**
     * Serves a finished run's directory until Ctrl-C.
     *
     * @throws IllegalArgumentException when the directory or its files are not a run's output
     * @throws IllegalStateException when the address cannot be bound
     */
    public void replay(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("--replay: no such directory: " + dir);
        DashboardHub hub = RunReplay.load(dir);
        DashboardServer server = DashboardServer.start(hub, address);
        System.err.println(
                "Dashboard on " + server.url() + " (" + hub.roundCount() + " rounds from " + dir + "); Ctrl-C to stop");
        server.awaitShutdown();
    }
}
