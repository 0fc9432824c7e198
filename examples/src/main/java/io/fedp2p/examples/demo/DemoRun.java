package io.fedp2p.examples.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.protocol.PayloadEncoding;
import io.fedp2p.node.engine.ExchangeSetting;
import io.fedp2p.node.runtime.NodeRuntime;
import io.fedp2p.node.runtime.NodeSettings;
import io.fedp2p.node.train.TopicTasks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One run of the demo: starts every peer as a {@link NodeRuntime} on the shared task — listening on its own loopback
 * port, with its own key, connected to exactly its topology neighbours — waits until every peer has finished its
 * rounds, and reads their {@code metrics.jsonl}. Rounds are reported to {@code onRound} as soon as every honest peer has
 * written them.
 */
public final class DemoRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);

    private DemoRun() {}

    /** What a run produced. */
    public record Result(DemoVariant variant, List<RoundRow> rows, List<List<PeerRound>> peers, double wallSeconds) {}

    public static Result run(DemoNetwork net, DemoVariant variant, Consumer<RoundRow> onRound, Consumer<String> info)
            throws IOException, InterruptedException, TimeoutException {
        DemoSettings s = net.settings;
        Path dir = s.out().resolve("runs").resolve(variant.key());
        clear(dir);
        int n = s.peers();
        int[] ports = freePorts(n);
        List<NodeRuntime> peers = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < n; i++) {
                Path peerDir = dir.resolve("peer-" + i);
                Files.createDirectories(peerDir);
                Path topo = peerDir.resolve("topology.yaml");
                StringBuilder y = new StringBuilder("peers:\n");
                for (int j : net.topology.neighbours(i)) {
                    y.append("  - /ip4/127.0.0.1/tcp/")
                            .append(ports[j])
                            .append("/p2p/")
                            .append(net.identities.get(j).peerId())
                            .append('\n');
                }
                Files.writeString(topo, y.toString(), StandardCharsets.UTF_8);
                peers.add(NodeRuntime.start(settings(net, variant, i, ports[i], peerDir, topo), net.task));
            }
            if (variant.key().equals("defended")) {
                for (int i = 0; i < n; i++) {
                    info.accept(String.format(
                            "  peer %d%s: %s, API http://127.0.0.1:%d/status",
                            i,
                            net.byzantine[i] ? " (Byzantine)" : "",
                            peers.get(i).listenAddr().withPeerId(peers.get(i).peerId()),
                            peers.get(i).apiPort()));
                }
            }
            List<List<PeerRound>> records = watch(net, dir, peers, onRound);
            return new Result(variant, rows(net, records), records, (System.nanoTime() - t0) / 1e9);
        } finally {
            for (NodeRuntime p : peers) p.close();
        }
    }

    private static NodeSettings settings(DemoNetwork net, DemoVariant v, int i, int port, Path peerDir, Path topology) {
        DemoSettings s = net.settings;
        int degree = net.topology.degree(i);
        return new NodeSettings(
                Multiaddr.parse("/ip4/127.0.0.1/tcp/" + port),
                net.keyFiles.get(i),
                List.of(),
                null,
                null,
                "ffa-lora",
                8,
                ExchangeSetting.FLOAT,
                null,
                s.partition(),
                i,
                s.peers(),
                s.rounds(),
                s.localSteps(),
                s.gossipSteps(),
                0.01f,
                // fortunes-topic peers use the task's decentralized optimiser, as fedp2p sim does
                s.task().isTopic() ? TopicTasks.DECENTRALIZED_LR : 0.05f,
                0.998f,
                s.task().isTopic() ? TopicTasks.DECENTRALIZED_BATCH : 64,
                s.task().isTopic() ? TopicTasks.DECENTRALIZED_MOMENTUM : 0f,
                v.defence(),
                net.byzantine[i] ? v.attack() : "none",
                false,
                peerDir,
                "127.0.0.1:0",
                s.seed(),
                "fedp2p-demo",
                PayloadEncoding.FLOAT32,
                64L << 20,
                degree,
                Math.max(degree, 16),
                topology,
                degree,
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                1,
                false,
                s.task());
    }

    /** Polls the honest peers' metrics until every peer has stopped; returns every peer's rounds. */
    private static List<List<PeerRound>> watch(
            DemoNetwork net, Path dir, List<NodeRuntime> peers, Consumer<RoundRow> onRound)
            throws IOException, InterruptedException, TimeoutException {
        DemoSettings s = net.settings;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120L * (s.rounds() + 2));
        long reported = 0;
        while (true) {
            boolean allStopped = peers.stream().allMatch(p -> p.stopped().isDone());
            List<List<PeerRound>> records = read(dir, s.peers());
            Set<String> byz = byzantineIds(net);
            while (reported < s.rounds() && everyHonestHas(net, records, reported)) {
                onRound.accept(row(net, records, reported, byz));
                reported++;
            }
            if (allStopped) return read(dir, s.peers());
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the peers did not finish " + s.rounds() + " rounds in time; see " + dir
                        + "/peer-*/metrics.jsonl");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static boolean everyHonestHas(DemoNetwork net, List<List<PeerRound>> records, long round) {
        for (int i : net.honestPeers()) {
            if (records.get(i).stream().noneMatch(r -> r.round() == round)) return false;
        }
        return true;
    }

    static Set<String> byzantineIds(DemoNetwork net) {
        Set<String> out = new HashSet<>();
        for (int b : net.byzantinePeers())
            out.add(net.identities.get(b).peerId().toString());
        return out;
    }

    private static RoundRow row(DemoNetwork net, List<List<PeerRound>> records, long round, Set<String> byz) {
        List<PeerRound> honest = new ArrayList<>();
        for (int i : net.honestPeers()) {
            for (PeerRound r : records.get(i)) if (r.round() == round) honest.add(r);
        }
        return RoundRow.of(round, honest, byz);
    }

    private static List<RoundRow> rows(DemoNetwork net, List<List<PeerRound>> records) {
        Set<String> byz = byzantineIds(net);
        List<RoundRow> out = new ArrayList<>();
        for (long t = 0; t < net.settings.rounds(); t++) {
            if (!everyHonestHas(net, records, t)) {
                throw new IllegalStateException("round " + t + " is missing at an honest peer");
            }
            out.add(row(net, records, t, byz));
        }
        return out;
    }

    private static List<List<PeerRound>> read(Path dir, int n) throws IOException {
        List<List<PeerRound>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve("peer-" + i).resolve("metrics.jsonl");
            List<PeerRound> rounds = new ArrayList<>();
            if (Files.exists(f)) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) continue;
                    try {
                        rounds.add(PeerRound.of(JSON.readTree(line)));
                    } catch (IOException e) {
                        // the line is being written; the next poll reads it whole
                    }
                }
            }
            out.add(rounds);
        }
        return out;
    }

    /** Free loopback ports, held open together while choosing so they differ. */
    private static int[] freePorts(int n) throws IOException {
        int[] out = new int[n];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                out[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) s.close();
        }
        return out;
    }

    /** Removes a previous run of this variant (only the demo's own run directory). */
    private static void clear(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
