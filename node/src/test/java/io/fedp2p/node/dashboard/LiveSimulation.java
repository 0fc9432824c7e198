package io.fedp2p.node.dashboard;

import io.fedp2p.gossip.clock.VirtualClock;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.GossipConfig;
import io.fedp2p.gossip.transport.InMemoryNetwork;
import io.fedp2p.node.engine.ByzantineRole;
import io.fedp2p.node.engine.EngineConfig;
import io.fedp2p.node.engine.EngineListener;
import io.fedp2p.node.engine.RoundEngine;
import io.fedp2p.node.engine.RoundResult;
import io.fedp2p.robustness.NeighbourState;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.attack.AttackSpec;
import io.fedp2p.robustness.defence.DefenceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A small simulation for dashboard tests, built like the engine's own tests: n round engines on one virtual clock
 * and the in-memory network (ring plus chords), the default pipeline, a few sign-flip attackers, and {@link BlobTask}
 * as the learning task. {@link #runRound} advances the clock until every honest node finished the next round and
 * publishes it to the hub, as {@code fedp2p sim --serve} does.
 */
final class LiveSimulation {
    private static final int GOSSIP_STEPS = 2;

    final DashboardHub hub;
    private final int n;
    private final boolean[] byzantine;
    private final long rounds;
    private final BlobTask task = new BlobTask(7, 600);
    private final VirtualClock clock = new VirtualClock();
    private final InMemoryNetwork network;
    private final List<PeerId> ids = new ArrayList<>();
    private final List<CountingTransport> transports = new ArrayList<>();
    private final List<RoundEngine> engines = new ArrayList<>();
    private final List<TreeMap<Long, RoundResult>> results = new ArrayList<>();
    private final List<int[]> links = new ArrayList<>();
    private final List<GraphNode> graphNodes = new ArrayList<>();
    private long published = -1;

    LiveSimulation(int n, int[] byzantineNodes, long rounds) {
        this.n = n;
        this.rounds = rounds;
        this.byzantine = new boolean[n];
        for (int b : byzantineNodes) byzantine[b] = true;
        GossipConfig gossip =
                GossipConfig.defaults("dashboard-test", GossipConfig.sha256("t"), GossipConfig.sha256("t"), BlobTask.D);
        this.network = new InMemoryNetwork(clock, InMemoryNetwork.Options.fast(gossip));
        for (int i = 0; i < n; i++) {
            byte[] seed = new byte[32];
            Arrays.fill(seed, (byte) (i + 1));
            var t = network.join(Identity.fromSeed(seed));
            ids.add(t.localPeer());
            transports.add(new CountingTransport(t));
            results.add(new TreeMap<>());
        }
        for (int i = 0; i < n; i++) {
            link(i, (i + 1) % n);
            link(i, (i + 3) % n);
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("nodes", Integer.toString(n));
        facts.put("byzantine", Integer.toString(byzantineNodes.length));
        facts.put("attack", "sign-flip");
        facts.put("defence", "pipeline");
        facts.put("task", "blobs (logistic regression)");
        this.hub = new DashboardHub(new RunInfo("sim", "fedp2p simulation", null, rounds, facts));
        for (int i = 0; i < n; i++)
            graphNodes.add(new GraphNode(Integer.toString(i), Integer.toString(i), byzantine[i], false));
        hub.setTopology(graphNodes, edges());
    }

    private void link(int a, int b) {
        network.connect(ids.get(a), ids.get(b));
        links.add(new int[] {Math.min(a, b), Math.max(a, b)});
    }

    void start() {
        EngineConfig config = EngineConfig.defaults(rounds)
                .withGossipSteps(GOSSIP_STEPS)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(2));
        for (int i = 0; i < n; i++) {
            int node = i;
            RoundEngine.Builder b = RoundEngine.builder()
                    .clock(clock)
                    .transport(transports.get(i))
                    .compute(
                            task.compute(clock, i, 60, 11, Duration.ofSeconds(1).toNanos()))
                    .defence(DefenceSpec.parse("pipeline").create())
                    .rng(new SplittableRandom(100 + i))
                    .listener(new EngineListener() {
                        @Override
                        public void onRoundCompleted(RoundResult r) {
                            results.get(node).put(r.round(), r);
                        }
                    })
                    .config(config)
                    .model(new float[BlobTask.D]);
            if (byzantine[i])
                b.byzantine(ByzantineRole.of(AttackSpec.parse("sign-flip:s=4").create(), new SplittableRandom(9 + i)));
            engines.add(b.build());
        }
        clock.runUntilIdle(10_000);
        engines.forEach(RoundEngine::start);
        hub.setProgress(new Progress(0, rounds, "running", 0, GOSSIP_STEPS, waiting(0)));
    }

    /** Runs until every honest node finished the next round, publishes it; false once all rounds are done. */
    boolean runRound() {
        long t = published + 1;
        if (t >= rounds) return false;
        while (!waiting(t).isEmpty()) {
            if (!clock.runNext()) throw new IllegalStateException("simulation stalled before round " + t);
        }
        publish(t);
        published = t;
        if (t + 1 >= rounds) {
            hub.setProgress(new Progress(rounds, rounds, "finished", 0, GOSSIP_STEPS, List.of()));
            hub.finish();
        } else {
            hub.setProgress(new Progress(t + 1, rounds, "running", 0, GOSSIP_STEPS, waiting(t + 1)));
        }
        return true;
    }

    private List<String> waiting(long t) {
        List<String> w = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!byzantine[i] && !results.get(i).containsKey(t)) w.add(Integer.toString(i));
        return w;
    }

    private void publish(long t) {
        List<Double> acc = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        long bytes = 0;
        long accepted = 0;
        long rejected = 0;
        double seconds = 0;
        for (int i = 0; i < n; i++) {
            RoundResult r = results.get(i).get(t);
            if (r == null) continue;
            bytes += r.bytesSent() + r.bytesReceived();
            seconds = Math.max(seconds, r.roundNanos() / 1e9);
            if (byzantine[i]) continue;
            double[] ev = task.evaluate(r.model());
            acc.add(ev[0]);
            loss.add(ev[1]);
            accepted += r.accepted().size();
            rejected += r.rejected().size();
        }
        hub.setTopology(graphNodes, edges());
        hub.setMarks(marks(t));
        hub.setPeers(rows(t));
        hub.addRound(new RoundPoint(
                t, Stats.over(toArray(acc)), Stats.over(toArray(loss)), bytes, seconds, accepted, rejected));
    }

    private List<GraphEdge> edges() {
        List<GraphEdge> out = new ArrayList<>();
        for (int[] l : links) {
            long bytes = transports.get(l[0]).sentTo.getOrDefault(ids.get(l[1]), 0L)
                    + transports.get(l[1]).sentTo.getOrDefault(ids.get(l[0]), 0L);
            out.add(new GraphEdge(Integer.toString(l[0]), Integer.toString(l[1]), bytes));
        }
        return out;
    }

    /** Node j's mark: the mean reputation its honest neighbours give it; banned when most of them banned it. */
    private List<NodeMark> marks(long t) {
        List<NodeMark> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            double sum = 0;
            int count = 0;
            int honest = 0;
            int bans = 0;
            String reason = null;
            for (int i : neighbours(j)) {
                if (byzantine[i]) continue;
                honest++;
                NeighbourState s = engines.get(i)
                        .robustnessState()
                        .neighbours()
                        .get(PeerKey.of(ids.get(j).toString()));
                double top = engines.get(i).robustnessState().neighbours().values().stream()
                        .mapToDouble(NeighbourState::reputation)
                        .max()
                        .orElse(0);
                if (s != null && top > 0) {
                    sum += Math.max(0, s.reputation()) / top;
                    count++;
                }
                boolean banned = transports.get(i).isBanned(ids.get(j));
                if (banned || (s != null && s.status() == NeighbourState.Status.BANNED)) {
                    bans++;
                    reason = banned ? "banned by its neighbours" : "removed by RFFL";
                }
            }
            boolean banned = 2 * bans > honest;
            out.add(new NodeMark(
                    Integer.toString(j),
                    count == 0 ? null : sum / count,
                    banned,
                    banned ? bans + " of " + honest + " honest neighbours: " + reason : null));
        }
        return out;
    }

    private List<PeerRow> rows(long t) {
        List<NodeMark> marks = marks(t);
        List<PeerRow> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            long acc = 0;
            long rej = 0;
            String last = null;
            for (int i : neighbours(j)) {
                for (RoundResult r : results.get(i).values()) {
                    for (var o : r.outcomes()) {
                        if (!o.peerId().equals(ids.get(j).toString())) continue;
                        if (o.accepted()) acc++;
                        else rej++;
                        if (r.round() == t) last = o.reason();
                    }
                }
            }
            var traffic = transports.get(j).traffic();
            NodeMark m = marks.get(j);
            out.add(new PeerRow(
                    ids.get(j).toString(),
                    List.of("node " + j),
                    m.reputation(),
                    m.banned(),
                    m.reason(),
                    acc,
                    rej,
                    last,
                    traffic.bytesIn(),
                    traffic.bytesOut(),
                    true,
                    byzantine[j]));
        }
        return out;
    }

    private List<Integer> neighbours(int j) {
        List<Integer> out = new ArrayList<>();
        for (int[] l : links) {
            if (l[0] == j) out.add(l[1]);
            if (l[1] == j) out.add(l[0]);
        }
        return out;
    }

    private static double[] toArray(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
