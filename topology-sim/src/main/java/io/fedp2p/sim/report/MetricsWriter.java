package io.fedp2p.sim.report;

import io.fedp2p.sim.core.SimulationListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code metrics.jsonl}: one JSON object per closed round ({@link Json#round}), flushed as it comes, so a
 * long run can be followed with {@code tail -f}. Close it after the run.
 */
public final class MetricsWriter implements SimulationListener, AutoCloseable {
    private final BufferedWriter out;
    private final int nodes;

    public MetricsWriter(Path file, int nodes) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.nodes = nodes;
    }

    @Override
    public void onRound(RoundRecord record) {
        try {
            out.write(Json.MAPPER.writeValueAsString(Json.round(record, nodes)));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("metrics.jsonl: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
