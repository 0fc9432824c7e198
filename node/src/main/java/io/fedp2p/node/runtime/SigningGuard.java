package io.fedp2p.node.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Remembers, durably, the newest round this node signed a gossip message for (fedp2p design). A node that crashed
 * after signing round t's messages and restarts from the checkpoint of round t − 1 would train round t again and sign
 * a different model for the same slot, which its neighbours would prove as equivocation. With the guard it resumes at
 * round t + 1 instead. Written with fsync before the first message of each round ({@code signing.json}).
 */
public final class SigningGuard {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private long signed;

    public SigningGuard(Path dir) {
        this.file = dir.resolve("signing.json");
        this.signed = read(file);
    }

    private static long read(Path file) {
        if (!Files.exists(file)) return -1;
        try {
            JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (!n.path("round").canConvertToLong()) throw new IOException("no round in " + file);
            return n.get("round").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable signing guard " + file + ": " + e.getMessage(), e);
        }
    }

    /** The newest round signed so far, or −1. */
    public long signedRound() {
        return signed;
    }

    /** Records that round {@code round} is about to be signed (no-op when already recorded). */
    public void beforeSigning(long round) {
        if (round <= signed) return;
        try {
            AtomicFiles.write(file, ("{\"round\":" + round + "}\n").getBytes(StandardCharsets.UTF_8));
            signed = round;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signing guard " + file + ": " + e.getMessage(), e);
        }
    }
}
