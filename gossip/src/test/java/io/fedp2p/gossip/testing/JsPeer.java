package io.fedp2p.gossip.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A js-libp2p 3.x peer in a Node.js child process ({@code src/test/js/interop-peer.mjs}), driven by JSON lines on
 * its stdin. Requires {@code npm ci} in that folder (Maven runs it before the integration tests).
 */
public final class JsPeer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Writer stdin;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final CompletableFuture<JsonNode> listening = new CompletableFuture<>();

    private JsPeer(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLoop, "js-peer-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** The folder holding the js peer; set by Failsafe, or found relative to the module. */
    public static Path dir() {
        String configured = System.getProperty("fedp2p.interop.dir");
        Path d = configured != null ? Path.of(configured) : Path.of("src/test/js");
        if (!Files.isDirectory(d.resolve("node_modules"))) {
            throw new IllegalStateException(
                    "js interop peer not installed: run " + d.resolve("npm-ci.sh") + " (mvn verify does it)");
        }
        return d;
    }

    /** Starts {@code interop-peer.mjs listen} with an Ed25519 seed (64 hex digits). */
    public static JsPeer start(String seedHex) throws IOException {
        Path d = dir();
        ProcessBuilder pb = new ProcessBuilder("node", "interop-peer.mjs", "listen", "--seed", seedHex)
                .directory(d.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        JsPeer peer = new JsPeer(pb.start());
        try {
            peer.listening.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            peer.close();
            throw new IOException("js peer did not start", e);
        }
        return peer;
    }

    /** Runs {@code interop-peer.mjs id --seed HEX} and returns its JSON. */
    public static JsonNode id(String seedHex) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", "interop-peer.mjs", "id", "--seed", seedHex)
                .directory(dir().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("js id failed: " + out);
        }
        return JSON.readTree(out);
    }

    private void readLoop() {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode n = JSON.readTree(line);
                if (n.has("event")) {
                    if (n.get("event").asText().equals("listening")) {
                        listening.complete(n);
                    }
                    synchronized (events) {
                        events.add(n);
                        events.notifyAll();
                    }
                } else if (n.has("id")) {
                    CompletableFuture<JsonNode> f = pending.remove(n.get("id").asInt());
                    if (f != null) {
                        f.complete(n);
                    }
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        pending.values().forEach(f -> f.completeExceptionally(new IOException("js peer exited")));
    }

    public PeerId peerId() {
        return PeerId.parse(listening.join().get("peerId").asText());
    }

    public Multiaddr addr() {
        return Multiaddr.parse(listening.join().get("addrs").get(0).asText());
    }

    /** Sends one command; the future completes with the answer when it has {@code ok: true}, else fails. */
    public CompletableFuture<JsonNode> request(Map<String, Object> command) {
        int id = ids.incrementAndGet();
        ObjectNode cmd = JSON.valueToTree(command);
        cmd.put("id", id);
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        try {
            synchronized (stdin) {
                stdin.write(JSON.writeValueAsString(cmd) + "\n");
                stdin.flush();
            }
        } catch (IOException e) {
            pending.remove(id);
            f.completeExceptionally(e);
        }
        return f.thenApply(n -> {
            if (!n.get("ok").asBoolean()) {
                throw new IllegalStateException("js " + command.get("cmd") + " failed: "
                        + n.get("error").asText());
            }
            return n;
        });
    }

    /** Waits for an event matching {@code p} (events seen before the call count too). */
    public JsonNode awaitEvent(Predicate<JsonNode> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (true) {
                for (JsonNode n : events) {
                    if (p.test(n)) {
                        return n;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no matching js event within " + timeout + "; seen " + events);
                }
                TimeUnit.NANOSECONDS.timedWait(events, left);
            }
        }
    }

    @Override
    public void close() {
        try {
            stdin.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
