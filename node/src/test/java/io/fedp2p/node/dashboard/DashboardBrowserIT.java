package io.fedp2p.node.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in a real browser (headless Chromium): a live simulation's graph, accuracy chart, table and progress,
 * including the rounds that completed before the browser connected; and a node's view whose peer-controlled strings
 * must render as text. Screenshots go to target/dashboard-screenshots/.
 */
class DashboardBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aLiveSimulationShowsEveryNodeAndTheAccuracyChartGainsAPointPerRound() throws Exception {
        int rounds = 8;
        LiveSimulation sim = new LiveSimulation(12, new int[] {3, 8}, rounds);
        try (DashboardServer server = DashboardServer.start(sim.hub, ServeAddress.DEFAULT);
                HeadlessChromium chromium = HeadlessChromium.start(1400, 1100)) {
            sim.start();
            sim.runRound();
            sim.runRound(); // two rounds done before the browser connects: the snapshot replays them

            chromium.driver.get(server.url());

            chromium.waitUpTo(WAIT).until(ExpectedConditions.attributeToBe(By.id("graph"), "data-node-count", "12"));
            assertThat(chromium.driver.findElements(By.cssSelector("#graph g.node")))
                    .hasSize(12);
            assertThat(chromium.driver.findElements(By.cssSelector("#graph g.node.byzantine")))
                    .hasSize(2);
            assertThat(chromium.driver.findElements(By.cssSelector("#graph line.edge")))
                    .hasSize(24);
            awaitPoints(chromium, 2);
            for (int t = 2; t < rounds; t++) {
                assertThat(sim.runRound()).isTrue();
                awaitPoints(chromium, t + 1);
            }
            assertThat(chromium.driver.findElements(By.cssSelector("#accuracy-chart circle.dot")))
                    .hasSize(rounds);
            chromium.waitUpTo(WAIT).until(ExpectedConditions.textToBe(By.id("connection"), "finished"));
            assertThat(chromium.driver.findElements(By.cssSelector("#peer-table tbody tr")))
                    .hasSize(12);
            assertThat(chromium.driver.findElement(By.id("progress-round")).getText())
                    .isEqualTo("Round " + rounds);
            Path shot = chromium.screenshot("simulation");
            assertThat(Files.size(shot)).isGreaterThan(10_000);
        }
    }

    @Test
    void aNodesPeerControlledTextIsShownAsTextNeverAsMarkup() throws Exception {
        String evil = "<img src=x id=injected onerror=\"document.title='pwned'\">";
        DashboardHub hub = new DashboardHub(new RunInfo("node", "fedp2p node", "self", 0, Map.of("network", evil)));
        hub.setTopology(
                List.of(new GraphNode("self", "this node", false, true), new GraphNode(evil, evil, false, false)),
                List.of(new GraphEdge("self", evil, 1000)));
        hub.setMarks(List.of(new NodeMark(evil, 0.5, true, evil)));
        hub.setPeers(List.of(new PeerRow(evil, List.of(evil), 0.1, true, evil, 1, 2, evil, 10, 20, true, false)));
        hub.setProgress(new Progress(3, 0, "exchange", 1, 2, List.of(evil)));
        hub.addRound(new RoundPoint(0, Stats.of(0.5), Stats.of(1.0), 100, 1.0, 1, 0));
        try (DashboardServer server = DashboardServer.start(hub, ServeAddress.DEFAULT);
                HeadlessChromium chromium = HeadlessChromium.start(1200, 900)) {
            chromium.driver.get(server.url());

            chromium.waitUpTo(WAIT).until(ExpectedConditions.attributeToBe(By.id("graph"), "data-node-count", "2"));
            chromium.waitUpTo(WAIT)
                    .until(d -> d.findElements(By.cssSelector("#peer-table tbody tr"))
                                    .size()
                            == 1);
            assertThat(chromium.driver.findElements(By.id("injected"))).isEmpty();
            assertThat(chromium.driver.getTitle()).isEqualTo("fedp2p node · fedp2p");
            WebElement address = chromium.driver.findElement(By.cssSelector("#peer-table tbody td:nth-child(2)"));
            assertThat(address.getText()).isEqualTo(evil);
            assertThat(chromium.driver.findElement(By.id("facts")).getText()).contains(evil);
            assertThat(chromium.driver.findElements(By.cssSelector("#graph g.node.self")))
                    .hasSize(1);
            assertThat(chromium.driver.findElements(By.cssSelector("#graph g.node.banned")))
                    .hasSize(1);
            chromium.screenshot("node-escaping");
        }
    }

    private static void awaitPoints(HeadlessChromium chromium, int n) {
        chromium.waitUpTo(WAIT)
                .until(ExpectedConditions.attributeToBe(By.id("accuracy-chart"), "data-points", Integer.toString(n)));
    }
}
