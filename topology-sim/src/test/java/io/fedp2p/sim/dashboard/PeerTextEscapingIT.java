package io.fedp2p.sim.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.node.dashboard.DashboardHub;
import io.fedp2p.node.dashboard.DashboardServer;
import io.fedp2p.node.dashboard.GraphEdge;
import io.fedp2p.node.dashboard.GraphNode;
import io.fedp2p.node.dashboard.NodeMark;
import io.fedp2p.node.dashboard.PeerRow;
import io.fedp2p.node.dashboard.Progress;
import io.fedp2p.node.dashboard.RoundPoint;
import io.fedp2p.node.dashboard.RunInfo;
import io.fedp2p.node.dashboard.ServeAddress;
import io.fedp2p.node.dashboard.Stats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A node's view in a real browser, with markup in every peer-controlled string (peer id, address, ban reason, a
 * setting): it must render as text and never become an element or run a script.
 */
class PeerTextEscapingIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

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
            assertThat(chromium.driver
                            .findElement(By.cssSelector("#peer-table tbody td:nth-child(2)"))
                            .getText())
                    .isEqualTo(evil);
            assertThat(chromium.driver.findElement(By.id("facts")).getText()).contains(evil);
            assertThat(chromium.driver.findElements(By.cssSelector("#graph g.node.self")))
                    .hasSize(1);
            assertThat(chromium.driver.findElements(By.cssSelector("#graph g.node.banned")))
                    .hasSize(1);
            chromium.screenshot("node-escaping");
        }
    }
}
