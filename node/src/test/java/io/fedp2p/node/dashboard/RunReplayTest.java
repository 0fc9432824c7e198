package io.fedp2p.node.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aSimulationDirectoryBecomesAFinishedDashboardWithGraphByzantineNodesAndRounds() throws Exception {
        Files.writeString(dir.resolve("topology.json"), "{\"nodes\":3,\"edges\":2,\"edgeList\":[[0,1],[1,2]]}");
        Files.writeString(
                dir.resolve("summary.json"), "{\"seed\":5,\"rounds\":4,\"attack\":\"alie\",\"byzantineNodes\":[2]}");
        Files.writeString(
                dir.resolve("metrics.jsonl"),
                "{\"round\":1,\"virtualSeconds\":9.5,\"honestAccuracy\":{\"min\":0.5,\"mean\":0.6,\"max\":0.7},"
                        + "\"testLoss\":0.8,\"loss\":0.9,\"rejected\":{\"silent\":2,\"validation-norm\":3}}\n"
                        + "\n{\"round\":0,\"virtualSeconds\":4.0,\"honestAccuracy\":{\"min\":0.2,\"mean\":0.3,\"max\":0.4},"
                        + "\"accepted\":5,\"rejectedTotal\":1}\n");

        DashboardHub hub = RunReplay.load(dir);

        JsonNode s = JSON.readTree(hub.snapshotJson());
        assertThat(s.path("finished").asBoolean()).isTrue();
        assertThat(s.path("info").path("mode").asText()).isEqualTo("replay");
        assertThat(s.path("info").path("totalRounds").asLong()).isEqualTo(4);
        assertThat(s.path("info").path("facts").path("attack").asText()).isEqualTo("alie");
        assertThat(s.path("topology").path("nodes")).hasSize(3);
        assertThat(s.path("topology").path("nodes").get(2).path("byzantine").asBoolean())
                .isTrue();
        assertThat(s.path("topology").path("edges")).hasSize(2);
        assertThat(s.path("rounds")).hasSize(2);
        assertThat(s.path("rounds").get(0).path("round").asLong()).isZero();
        assertThat(s.path("rounds").get(0).path("accepted").asLong()).isEqualTo(5);
        assertThat(s.path("rounds").get(1).path("accuracy").path("max").asDouble())
                .isEqualTo(0.7);
        assertThat(s.path("progress").path("round").asLong()).isEqualTo(2);
    }

    @Test
    void aNodesMetricsFileReplaysWithoutTopology() throws Exception {
        Files.writeString(
                dir.resolve("metrics.jsonl"),
                "{\"round\":0,\"testAccuracy\":0.41,\"loss\":1.7,\"accepted\":[{\"peerId\":\"a\",\"reason\":\"accepted\"}],"
                        + "\"rejected\":[],\"bytesSent\":10,\"bytesReceived\":30,\"roundSeconds\":2.5}\n");

        DashboardHub hub = RunReplay.load(dir);

        JsonNode round = JSON.readTree(hub.snapshotJson()).path("rounds").get(0);
        assertThat(round.path("accuracy").path("mean").asDouble()).isEqualTo(0.41);
        assertThat(round.path("bytes").asLong()).isEqualTo(40);
        assertThat(round.path("accepted").asLong()).isEqualTo(1);
        assertThat(round.path("seconds").asDouble()).isEqualTo(2.5);
    }

    @Test
    void malformedFilesAreNamedWithTheirLine() throws Exception {
        assertThatThrownBy(() -> RunReplay.load(dir)).hasMessageContaining("no metrics.jsonl");
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"round\":0}\n{\"round\":-1}\n");
        assertThatThrownBy(() -> RunReplay.load(dir)).hasMessageContaining("line 2");
        Files.writeString(dir.resolve("metrics.jsonl"), "{\"round\":0}\n");
        Files.writeString(dir.resolve("topology.json"), "{\"nodes\":2,\"edgeList\":[[0,5]]}");
        assertThatThrownBy(() -> RunReplay.load(dir)).hasMessageContaining("edgeList[0]");
    }
}
