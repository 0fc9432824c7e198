package io.fedp2p.node.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.gossip.clock.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Feeds a {@link DashboardHub} from a running node: the {@code /status} and {@code /peers} snapshots, read once a
 * second on the node's clock thread, become the header, a star topology (this node and its neighbours and banned
 * peers, edges weighted by traffic), trust marks, the peer table and the round progress; the event feed's {@code
 * round} records become chart points. Only the fields the public API serves are used, so no key or private setting
 * reaches the page.
 */
public final class NodeDashboard implements AutoCloseable {
    private static final Duration REFRESH = Duration.ofSeconds(1);

    private final Supplier<ObjectNode> status;
    private final Supplier<ArrayNode> peers;
    private final long totalRounds;
    private final int gossipSteps;
    private final DashboardHub hub;
    private final DashboardRoutes routes;
    private volatile boolean closed;
    private Clock.Timer timer;

    /**
     * @param status the node's {@code /status} object (read on the refresh thread)
     * @param peers the node's {@code /peers} array
     * @param totalRounds the round limit (0: none)
     * @param gossipSteps Q
     * @param history {@code metrics.jsonl} records already written (a resumed node), oldest first
     */
    public NodeDashboard(
            Supplier<ObjectNode> status,
            Supplier<ArrayNode> peers,
            long totalRounds,
            int gossipSteps,
            List<ObjectNode> history) {
        this.status = status;
        this.peers = peers;
        this.totalRounds = totalRounds;
        this.gossipSteps = gossipSteps;
        this.hub = new DashboardHub(new RunInfo("node", "fedp2p node", null, totalRounds, Map.of()));
        this.routes = new DashboardRoutes(hub);
        for (ObjectNode r : history) onEvent("round", r);
    }

    public DashboardHub hub() {
        return hub;
    }

    /** The routes to mount on the node's HTTP server. */
    public DashboardRoutes routes() {
        return routes;
    }

    /** Refreshes now and then every second on {@code clock}'s thread until {@link #close()}. */
    public void start(Clock clock) {
        clock.execute(() -> tick(clock));
    }

    private void tick(Clock clock) {
        if (closed) return;
        refresh();
        timer = clock.schedule(REFRESH, () -> tick(clock));
    }

    /** An {@code EventFeed} event: {@code round} records become chart points; other types are ignored. */
    public void onEvent(String type, ObjectNode payload) {
        if (type.equals("round") && payload.has("round")) hub.addRound(RoundRecords.fromJson(payload));
    }

    /** Reads the status and peer snapshots into the hub. */
    public void refresh() {
        ObjectNode s = status.get();
        if (!s.has("peerId")) return; // the runtime has not published yet
        String self = s.get("peerId").asText();
        hub.setInfo(info(s, self));
        List<PeerRow> rows = new ArrayList<>();
        for (JsonNode p : peers.get()) rows.add(row(p));
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        List<NodeMark> marks = new ArrayList<>();
        nodes.add(new GraphNode(self, "this node", false, true));
        double top = rows.stream()
                .filter(r -> r.reputation() != null)
                .mapToDouble(PeerRow::reputation)
                .max()
                .orElse(0);
        for (PeerRow r : rows) {
            if (!r.neighbour() && !r.banned()) continue;
            nodes.add(new GraphNode(r.peerId(), shortId(r.peerId()), false, false));
            if (r.neighbour()) edges.add(new GraphEdge(self, r.peerId(), r.bytesIn() + r.bytesOut()));
            Double relative = r.reputation() == null || top <= 0 ? null : Math.max(0, r.reputation()) / top;
            marks.add(new NodeMark(r.peerId(), relative, r.banned(), r.reason()));
        }
        hub.setTopology(nodes, edges);
        hub.setMarks(marks);
        hub.setPeers(rows);
        List<String> waiting = new ArrayList<>();
        s.path("waitingFor").forEach(w -> waiting.add(w.asText()));
        String phase = s.path("phase").asText("idle");
        hub.setProgress(new Progress(
                s.path("round").asLong(), totalRounds, phase, s.path("step").asInt(), gossipSteps, waiting));
        if (phase.equals("stopped")) hub.finish();
    }

    private RunInfo info(ObjectNode s, String self) {
        JsonNode setup = s.path("setup");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("peer", self);
        facts.put("network", s.path("network").asText(""));
        facts.put("adapter", setup.path("adapter").asText(""));
        facts.put("defence", s.path("defence").asText(""));
        facts.put("attack", s.path("attack").asText(""));
        facts.put(
                "node",
                setup.path("nodeIndex").asInt() + " of "
                        + setup.path("numNodes").asInt());
        facts.put("seed", setup.path("seed").asText(""));
        return new RunInfo("node", "fedp2p node " + shortId(self), self, totalRounds, facts);
    }

    private static PeerRow row(JsonNode p) {
        List<String> addrs = new ArrayList<>();
        p.path("addrs").forEach(a -> addrs.add(a.asText()));
        JsonNode rep = p.path("reputation");
        return new PeerRow(
                p.path("peerId").asText(),
                addrs,
                rep.isNumber() && Double.isFinite(rep.asDouble()) ? rep.asDouble() : null,
                p.path("banned").asBoolean(),
                p.path("reason").isTextual() ? p.path("reason").asText() : null,
                p.path("accepted").asLong(),
                p.path("rejected").asLong(),
                p.path("lastOutcome").isTextual() ? p.path("lastOutcome").asText() : null,
                p.path("bytesIn").asLong(),
                p.path("bytesOut").asLong(),
                p.path("neighbour").asBoolean(),
                false);
    }

    /** The last six characters of a peer id, which is how people tell peers apart at a glance. */
    static String shortId(String peerId) {
        return peerId.length() <= 8 ? peerId : "…" + peerId.substring(peerId.length() - 6);
    }

    @Override
    public void close() {
        closed = true;
        Clock.Timer t = timer;
        if (t != null) t.cancel();
    }
}
