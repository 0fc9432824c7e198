package io.fedp2p.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.peers.Ban;
import io.fedp2p.gossip.peers.PeerStore;
import io.fedp2p.robustness.NeighbourState;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.RobustnessState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static PeerId peer(int n) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) n);
        return Identity.fromSeed(seed).peerId();
    }

    private static Checkpoint sample(long round, float[] lastSent) {
        PeerKey k1 = PeerKey.of(peer(1).toString());
        PeerKey k2 = PeerKey.of(peer(2).toString());
        RobustnessState rs = RobustnessState.of(
                Map.of(
                        k1, new NeighbourState(0.75, 10, NeighbourState.Status.ACTIVE, Long.MIN_VALUE, 0b101),
                        k2, new NeighbourState(0, 12, NeighbourState.Status.BANNED, 60, 0)),
                Map.of(k1, new float[] {1, 2, 3}));
        ObjectNode id =
                JSON.createObjectNode().put("peerId", peer(3).toString()).put("seed", 7L);
        ObjectNode record = JSON.createObjectNode().put("round", round - 1).put("testAccuracy", 0.5);
        return new Checkpoint(
                round,
                id,
                new float[] {0.5f, -1.25f, 3e-8f},
                lastSent,
                rs,
                List.of(new PeerStore.Record(
                        peer(1), List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/4001")), PeerStore.Source.BOOTSTRAP)),
                new TreeMap<>(Map.of(peer(2), new Ban("equivocation", Instant.parse("2030-01-01T00:00:00Z")))),
                JSON.createObjectNode(),
                record);
    }

    @Test
    void roundTripsEveryField() throws IOException {
        Checkpoint c = sample(42, new float[] {9, 8, 7});

        c.write(dir);
        Checkpoint back = Checkpoint.read(dir).orElseThrow();

        assertThat(back.nextRound()).isEqualTo(42);
        assertThat(back.model()).containsExactly(0.5f, -1.25f, 3e-8f);
        assertThat(back.lastSentIterate()).containsExactly(9, 8, 7);
        assertThat(back.robustness().neighbours()).isEqualTo(c.robustness().neighbours());
        assertThat(back.robustness().lastStepModels().get(PeerKey.of(peer(1).toString())))
                .containsExactly(1, 2, 3);
        assertThat(back.peers()).isEqualTo(c.peers());
        assertThat(back.bans()).isEqualTo(c.bans());
        assertThat(back.lastRecord().toString()).isEqualTo(c.lastRecord().toString());
        assertThat(back.identity().toString()).isEqualTo(c.identity().toString());
        assertThat(Files.exists(dir.resolve("checkpoint.bin.tmp"))).isFalse();
    }

    @Test
    void aMissingLastIterateStaysMissing() throws IOException {
        sample(1, null).write(dir);

        assertThat(Checkpoint.read(dir).orElseThrow().lastSentIterate()).isNull();
    }

    @Test
    void noFileMeansNoCheckpoint() throws IOException {
        assertThat(Checkpoint.read(dir)).isEmpty();
    }

    @Test
    void refusesTornAndForeignFiles() throws IOException {
        sample(3, null).write(dir);
        Path f = dir.resolve(Checkpoint.FILE);
        byte[] bytes = Files.readAllBytes(f);

        Files.write(f, Arrays.copyOf(bytes, bytes.length - 5));
        assertThatThrownBy(() -> Checkpoint.read(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("checksum");

        bytes[20] ^= 1;
        Files.write(f, bytes);
        assertThatThrownBy(() -> Checkpoint.read(dir)).isInstanceOf(IOException.class);

        Files.writeString(f, "not a checkpoint at all, but long enough");
        assertThatThrownBy(() -> Checkpoint.read(dir)).hasMessageContaining("not a fedp2p checkpoint");
    }

    @Test
    void signingGuardRemembersTheNewestSignedRound() {
        SigningGuard g = new SigningGuard(dir);
        assertThat(g.signedRound()).isEqualTo(-1);

        g.beforeSigning(4);
        g.beforeSigning(3);

        assertThat(new SigningGuard(dir).signedRound()).isEqualTo(4);
    }

    @Test
    void metricsLogDropsTornLinesAndRoundsAfterTheCheckpointAndRestoresAMissingOne() throws IOException {
        Files.writeString(
                dir.resolve("metrics.jsonl"),
                "{\"round\":0,\"testAccuracy\":0.4}\n{\"round\":1,\"testAccuracy\":0.5}\n{\"round\":2,\"testAcc");
        MetricsLog log = new MetricsLog(dir);

        // the checkpoint says round 2 completed, and carries round 2's record
        log.reconcile(2, JSON.createObjectNode().put("round", 2).put("testAccuracy", 0.6));
        log.append(JSON.createObjectNode().put("round", 3).put("testAccuracy", 0.7));

        assertThat(Files.readAllLines(dir.resolve("metrics.jsonl")))
                .containsExactly(
                        "{\"round\":0,\"testAccuracy\":0.4}",
                        "{\"round\":1,\"testAccuracy\":0.5}",
                        "{\"round\":2,\"testAccuracy\":0.6}",
                        "{\"round\":3,\"testAccuracy\":0.7}");
        assertThat(log.recent(2)).hasSize(2);

        // a restart from the checkpoint of round 1 forgets rounds 2 and 3
        new MetricsLog(dir).reconcile(1, JSON.createObjectNode());
        assertThat(Files.readAllLines(dir.resolve("metrics.jsonl"))).hasSize(2);
    }
}
