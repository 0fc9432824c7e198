package io.fedp2p.node.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeDashboardTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode status() {
        ObjectNode s = JSON.createObjectNode();
        s.put("peerId", "12D3KooWSelfSelfSelf");
        s.put("round", 4)
                .put("phase", "exchange")
                .put("step", 1)
                .put("defence", "pipeline")
                .put("attack", "none");
        s.putArray("waitingFor").add("12D3KooWPeerB");
        s.putObject("setup")
                .put("adapter", "ffa-lora:r=8")
                .put("seed", 3)
                .put("nodeIndex", 1)
                .put("numNodes", 4);
        return s;
    }

    private static ArrayNode peers() {
        ArrayNode a = JSON.createArrayNode();
        a.addObject()
                .put("peerId", "12D3KooWPeerA")
                .put("reputation", 0.6)
                .put("banned", false)
                .put("accepted", 4)
                .put("rejected", 0)
                .put("bytesIn", 100)
                .put("bytesOut", 50)
                .put("neighbour", true)
                .putArray("addrs")
                .add("/ip4/127.0.0.1/tcp/4001");
        a.addObject()
                .put("peerId", "12D3KooWPeerB")
                .put("reputation", 0.3)
                .put("banned", false)
                .put("neighbour", true)
                .put("bytesIn", 10)
                .put("bytesOut", 10);
        a.addObject()
                .put("peerId", "12D3KooWPeerC")
                .putNull("reputation")
                .put("banned", true)
                .put("reason", "equivocation")
                .put("neighbour", false);
        a.addObject()
                .put("peerId", "12D3KooWPeerD")
                .putNull("reputation")
                .put("banned", false)
                .put("neighbour", false);
        return a;
    }

    @Test
    void aNodesStatusBecomesAStarWithRelativeReputationAndItsRoundProgress() throws Exception {
        NodeDashboard d = new NodeDashboard(NodeDashboardTest::status, NodeDashboardTest::peers, 10, 3, List.of());

        d.refresh();

        JsonNode s = JSON.readTree(d.hub().snapshotJson());
        // this node, two neighbours and the banned peer; the peer that is only known is not drawn
        assertThat(s.path("topology").path("nodes")).hasSize(4);
        assertThat(s.path("topology").path("nodes").get(0).path("self").asBoolean())
                .isTrue();
        assertThat(s.path("topology").path("edges")).hasSize(2);
        assertThat(s.path("topology").path("edges").get(0).path("bytes").asLong())
                .isEqualTo(150);
        // relative reputation: 0.6 / 0.6 = 1, 0.3 / 0.6 = 0.5
        assertThat(s.path("marks").get(0).path("reputation").asDouble()).isEqualTo(1.0);
        assertThat(s.path("marks").get(1).path("reputation").asDouble()).isEqualTo(0.5);
        assertThat(s.path("marks").get(2).path("banned").asBoolean()).isTrue();
        assertThat(s.path("peers")).hasSize(4);
        assertThat(s.path("progress").path("waitingFor").get(0).asText()).isEqualTo("12D3KooWPeerB");
        assertThat(s.path("progress").path("steps").asInt()).isEqualTo(3);
        assertThat(s.path("info").path("facts").path("node").asText()).isEqualTo("1 of 4");
        assertThat(s.path("finished").asBoolean()).isFalse();
    }

    @Test
    void roundRecordsFromHistoryAndTheFeedBecomeChartPoints() throws Exception {
        ObjectNode r0 =
                JSON.createObjectNode().put("round", 0).put("testAccuracy", 0.3).put("loss", 2.0);
        NodeDashboard d = new NodeDashboard(NodeDashboardTest::status, NodeDashboardTest::peers, 0, 2, List.of(r0));

        d.onEvent(
                "round",
                JSON.createObjectNode().put("round", 1).put("testAccuracy", 0.5).put("loss", 1.5));
        d.onEvent("peers", JSON.createObjectNode());

        assertThat(d.hub().roundCount()).isEqualTo(2);
    }

    @Test
    void aStoppedNodeMarksTheRunFinished() {
        ObjectNode stopped = status().put("phase", "stopped");
        NodeDashboard d = new NodeDashboard(() -> stopped, NodeDashboardTest::peers, 5, 2, List.of());

        d.refresh();

        assertThat(d.hub().finished()).isTrue();
    }

    @Test
    void nothingIsPublishedBeforeTheRuntimeHasAStatus() {
        NodeDashboard d = new NodeDashboard(JSON::createObjectNode, JSON::createArrayNode, 5, 2, List.of());

        d.refresh();

        assertThat(d.hub().snapshotJson()).contains("\"nodes\":[]");
    }
}
