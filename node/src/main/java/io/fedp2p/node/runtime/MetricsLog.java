package io.fedp2p.node.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code metrics.jsonl}: one JSON object per completed round (CLI.md fields {@code round}, {@code testAccuracy},
 * {@code loss}, {@code accepted}, {@code rejected}, {@code bytesSent}, {@code bytesReceived}, {@code roundSeconds},
 * {@code mixingDeficit}, plus a few extra). On a restart the file is reconciled with the checkpoint: a torn last line
 * and lines of rounds after the checkpoint are removed, and the checkpoint's own record is appended if the crash
 * came between checkpoint and line. Keeps the last records in memory for {@code /rounds}. Worker thread for writes;
 * {@link #recent} is thread-safe.
 */
final class MetricsLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEEP = 1000;

    private final Path file;
    private final ArrayDeque<ObjectNode> recent = new ArrayDeque<>();

    MetricsLog(Path outDir) {
        this.file = outDir.resolve("metrics.jsonl");
    }

    /**
     * Makes the file agree with a checkpoint whose last completed round is {@code lastRound} (−1 for none) and whose
     * record is {@code lastRecord} (may be empty).
     */
    void reconcile(long lastRound, ObjectNode lastRecord) throws IOException {
        List<ObjectNode> kept = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    continue; // a torn line from a crash mid-write
                }
                if (n instanceof ObjectNode o && o.path("round").asLong(Long.MAX_VALUE) <= lastRound) kept.add(o);
            }
        }
        long lastLine =
                kept.isEmpty() ? -1 : kept.get(kept.size() - 1).path("round").asLong();
        if (lastRecord != null
                && lastRecord.has("round")
                && lastRecord.path("round").asLong() > lastLine) {
            kept.add(lastRecord);
        }
        StringBuilder b = new StringBuilder();
        for (ObjectNode o : kept) b.append(JSON.writeValueAsString(o)).append('\n');
        AtomicFiles.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
        synchronized (recent) {
            recent.clear();
            for (ObjectNode o : kept) remember(o);
        }
    }

    /** Appends one record and flushes it. */
    void append(ObjectNode record) throws IOException {
        byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write(line);
        }
        synchronized (recent) {
            remember(record);
        }
    }

    private void remember(ObjectNode o) {
        recent.addLast(o);
        while (recent.size() > KEEP) recent.removeFirst();
    }

    /** Records of rounds ≥ {@code since}, oldest first (at most the last 1000). */
    List<ObjectNode> recent(long since) {
        synchronized (recent) {
            List<ObjectNode> out = new ArrayList<>();
            for (ObjectNode o : recent) if (o.path("round").asLong() >= since) out.add(o);
            return out;
        }
    }
}
