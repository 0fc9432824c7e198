package io.fedp2p.sim.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.sim.cli.SimCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import picocli.CommandLine;

/**
 * {@code fedp2p sim --serve} in a real browser: a 12-node vector-task simulation with two sign-flip attackers is
 * served while it runs (paced with {@code --serve-round-delay}); headless Chromium must show 12 nodes (2 Byzantine)
 * and 24 links, and the accuracy chart must gain points as rounds complete until all 12 are there. Then {@code
 * --replay} serves the finished directory. Screenshots go to target/dashboard-screenshots/.
 */
class SimServeIT {
    private static final int ROUNDS = 12;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aServedSimulationGrowsItsAccuracyChartLiveAndReplaysWhenFinished() throws Exception {
        Path out = dir.resolve("out");
        try (HeadlessChromium chromium = HeadlessChromium.start(1280, 1100)) {
            int port = freePort();
            Sim sim = Sim.start(
                    "--task",
                    "vector",
                    "--nodes",
                    "12",
                    "--rounds",
                    Integer.toString(ROUNDS),
                    "--topology",
                    "random-regular:4",
                    "--attack",
                    "sign-flip",
                    "--byzantine",
                    "2",
                    "--seed",
                    "3",
                    "--no-charts",
                    "--out",
                    out.toString(),
                    "--serve",
                    "127.0.0.1:" + port,
                    "--serve-round-delay",
                    "400ms");
            String url = "http://127.0.0.1:" + port + "/dashboard/";
            awaitHttp(url);

            chromium.driver.get(url);

            chromium.waitUpTo(WAIT).until(ExpectedConditions.attributeToBe(By.id("graph"), "data-node-count", "12"));
            assertThat(chromium.driver.findElements(By.cssSelector("#graph g.node")))
                    .hasSize(12);
            assertThat(chromium.driver.findElements(By.cssSelector("#graph g.node.byzantine")))
                    .hasSize(2);
            assertThat(chromium.driver.findElements(By.cssSelector("#graph line.edge")))
                    .hasSize(24);
            List<Integer> seen = watchPoints(chromium);
            assertThat(seen)
                    .as("point counts the browser saw")
                    .hasSizeGreaterThanOrEqualTo(3)
                    .isSorted();
            assertThat(seen.get(seen.size() - 1)).isEqualTo(ROUNDS);
            chromium.waitUpTo(WAIT).until(ExpectedConditions.textToBe(By.id("connection"), "finished"));
            assertThat(chromium.driver.findElements(By.cssSelector("#peer-table tbody tr")))
                    .hasSize(12);
            assertThat(Files.size(chromium.screenshot("sim-live"))).isGreaterThan(10_000);
            assertThat(out.resolve("metrics.jsonl")).exists();
            assertThat(Files.readString(out.resolve("topology.json"))).contains("\"byzantine\":[");
            assertThat(sim.stop()).as(sim.err()).isZero();

            int replayPort = freePort();
            Sim replay = Sim.start("--replay", out.toString(), "--serve", "127.0.0.1:" + replayPort);
            String replayUrl = "http://127.0.0.1:" + replayPort + "/dashboard/";
            awaitHttp(replayUrl);
            chromium.driver.get(replayUrl);
            chromium.waitUpTo(WAIT).until(ExpectedConditions.attributeToBe(By.id("graph"), "data-node-count", "12"));
            chromium.waitUpTo(WAIT)
                    .until(ExpectedConditions.attributeToBe(
                            By.id("accuracy-chart"), "data-points", Integer.toString(ROUNDS)));
            assertThat(chromium.driver.findElements(By.cssSelector("#graph g.node.byzantine")))
                    .hasSize(2);
            chromium.screenshot("sim-replay");
            assertThat(replay.stop()).as(replay.err()).isZero();
        }
    }

    /** The chart's point counts as they change, until every round is there. */
    private static List<Integer> watchPoints(HeadlessChromium chromium) {
        List<Integer> seen = new ArrayList<>();
        chromium.waitUpTo(WAIT).pollingEvery(Duration.ofMillis(100)).until(d -> {
            String p = d.findElement(By.id("accuracy-chart")).getDomAttribute("data-points");
            int n = p == null ? 0 : Integer.parseInt(p);
            if (n > 0 && (seen.isEmpty() || seen.get(seen.size() - 1) != n)) seen.add(n);
            return n == ROUNDS;
        });
        return seen;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitHttp(String url) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the dashboard never answered at " + url);
    }

    /** {@code fedp2p sim} on a thread; it serves until interrupted (as Ctrl-C would stop it). */
    private record Sim(Thread thread, AtomicInteger code, StringWriter errors) {
        static Sim start(String... args) {
            AtomicInteger code = new AtomicInteger(-1);
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new SimCommand());
            cli.setOut(new PrintWriter(new StringWriter()));
            cli.setErr(new PrintWriter(err));
            Thread t = new Thread(() -> code.set(cli.execute(args)), "fedp2p-sim-serve");
            t.start();
            return new Sim(t, code, err);
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(30_000);
            return code.get();
        }

        String err() {
            return errors.toString();
        }
    }
}
