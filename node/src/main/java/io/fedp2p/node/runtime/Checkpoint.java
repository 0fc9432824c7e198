package io.fedp2p.node.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.peers.Ban;
import io.fedp2p.gossip.peers.PeerStore;
import io.fedp2p.robustness.NeighbourState;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.RobustnessState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Everything a node needs to resume after the last completed round: the next round, x_t, the last sent iterate (for
 * the mixing residual), the robustness state (reputations, bans, last-step iterates), the peer store and bans, the
 * per-peer counters and the round's metrics record. SPEC-GAP: no optimizer state is stored because DFedSAM resets
 * momentum every round (ALGORITHMS.md §1.6 #4, the default) and the learning rate is a function of the round; the
 * trainer's data-order generator restarts from a seed derived from the resume round.
 *
 * <pre>
 * "FP2PCKPT" | int version = 1 | int jsonLength | json (UTF-8) | float blocks | long CRC-32 of all before
 * float block: int length | length × float (big-endian); order: model, [last sent iterate], last-step iterates in
 * the order of the json's "lastStep" keys
 * </pre>
 *
 * Written atomically (temporary file, fsync, rename, see {@link AtomicFiles}); a torn or foreign file is refused.
 */
public record Checkpoint(
        long nextRound,
        ObjectNode identity,
        float[] model,
        float[] lastSentIterate,
        RobustnessState robustness,
        List<PeerStore.Record> peers,
        SortedMap<PeerId, Ban> bans,
        ObjectNode counters,
        ObjectNode lastRecord) {
    public static final String FILE = "checkpoint.bin";
    private static final byte[] MAGIC = "FP2PCKPT".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public Checkpoint {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(robustness, "robustness");
        peers = List.copyOf(peers);
        bans = new TreeMap<>(bans);
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(lastRecord, "lastRecord");
    }

    /** Writes {@code out/checkpoint.bin} atomically. */
    public void write(Path outDir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        ObjectNode json = JSON.createObjectNode();
        json.put("nextRound", nextRound);
        json.set("identity", identity);
        json.put("hasLastSentIterate", lastSentIterate != null);
        ObjectNode neighbours = json.putObject("neighbours");
        robustness.neighbours().forEach((k, s) -> neighbours.set(k.id(), neighbourJson(s)));
        ArrayNode lastStep = json.putArray("lastStep");
        robustness.lastStepModels().keySet().forEach(k -> lastStep.add(k.id()));
        ArrayNode peerArray = json.putArray("peers");
        for (PeerStore.Record r : peers) {
            ObjectNode p = peerArray.addObject();
            p.put("peerId", r.peer().toString());
            p.put("source", r.source().name());
            ArrayNode a = p.putArray("addrs");
            r.addrs().forEach(m -> a.add(m.toString()));
        }
        ObjectNode banJson = json.putObject("bans");
        bans.forEach((p, b) -> banJson.putObject(p.toString())
                .put("reason", b.reason())
                .put("until", b.until().toString()));
        json.set("counters", counters);
        json.set("lastRecord", lastRecord);
        byte[] header = JSON.writeValueAsBytes(json);
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(header.length);
        out.write(header);
        block(out, model);
        if (lastSentIterate != null) block(out, lastSentIterate);
        for (float[] v : robustness.lastStepModels().values()) block(out, v);
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        AtomicFiles.write(outDir.resolve(FILE), bytes.toByteArray());
    }

    private static ObjectNode neighbourJson(NeighbourState s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("reputation", s.reputation());
        n.put("graceUntilRound", s.graceUntilRound());
        n.put("status", s.status().name());
        n.put("bannedUntilRound", s.bannedUntilRound());
        n.put("plausibilityHistory", s.plausibilityHistory());
        return n;
    }

    private static void block(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        for (float x : v) out.writeFloat(x);
    }

    /**
     * Reads {@code out/checkpoint.bin} if present.
     *
     * @throws IOException when the file exists but is torn, corrupted or of another version
     */
    public static Optional<Checkpoint> read(Path outDir) throws IOException {
        Path file = outDir.resolve(FILE);
        if (!Files.exists(file)) return Optional.empty();
        byte[] all = Files.readAllBytes(file);
        if (all.length < MAGIC.length + 16) throw new IOException(file + " is truncated");
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) throw new IOException(file + " is not a fedp2p checkpoint");
        int version = in.readInt();
        if (version != VERSION) throw new IOException(file + " has checkpoint version " + version + ", expected 1");
        long stored = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
        if (stored != crc.getValue()) throw new IOException(file + " fails its checksum (torn or corrupted)");
        int headerLength = in.readInt();
        ObjectNode json = (ObjectNode) JSON.readTree(in.readNBytes(headerLength));
        float[] model = readBlock(in);
        float[] lastSent = json.path("hasLastSentIterate").asBoolean() ? readBlock(in) : null;
        TreeMap<PeerKey, float[]> lastStep = new TreeMap<>();
        for (JsonNode k : json.path("lastStep")) lastStep.put(PeerKey.of(k.asText()), readBlock(in));
        TreeMap<PeerKey, NeighbourState> neighbours = new TreeMap<>();
        json.path("neighbours")
                .fields()
                .forEachRemaining(e -> neighbours.put(PeerKey.of(e.getKey()), neighbour(e.getValue())));
        List<PeerStore.Record> peers = new ArrayList<>();
        for (JsonNode p : json.path("peers")) {
            List<Multiaddr> addrs = new ArrayList<>();
            for (JsonNode a : p.path("addrs")) addrs.add(Multiaddr.parse(a.asText()));
            peers.add(new PeerStore.Record(
                    PeerId.parse(p.path("peerId").asText()),
                    addrs,
                    PeerStore.Source.valueOf(p.path("source").asText())));
        }
        TreeMap<PeerId, Ban> bans = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : iterable(json.path("bans"))) {
            bans.put(
                    PeerId.parse(e.getKey()),
                    new Ban(
                            e.getValue().path("reason").asText(),
                            Instant.parse(e.getValue().path("until").asText())));
        }
        return Optional.of(new Checkpoint(
                json.path("nextRound").asLong(),
                (ObjectNode) json.path("identity"),
                model,
                lastSent,
                RobustnessState.of(neighbours, lastStep),
                peers,
                bans,
                (ObjectNode) json.path("counters"),
                (ObjectNode) json.path("lastRecord")));
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n::fields;
    }

    private static NeighbourState neighbour(JsonNode n) {
        return new NeighbourState(
                n.path("reputation").asDouble(),
                n.path("graceUntilRound").asLong(),
                NeighbourState.Status.valueOf(n.path("status").asText()),
                n.path("bannedUntilRound").asLong(),
                n.path("plausibilityHistory").asInt());
    }

    private static float[] readBlock(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 28)) throw new IOException("bad vector length " + n + " in checkpoint");
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = in.readFloat();
        return v;
    }
}
