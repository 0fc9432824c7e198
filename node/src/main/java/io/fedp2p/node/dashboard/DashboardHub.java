package io.fedp2p.node.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The dashboard's model of one run: header, topology, trust marks, round history, peer table and progress. Producers
 * (a node's engine thread, a simulation thread, a replay) replace parts; each change that alters something becomes one
 * numbered event ({@code info}, {@code topology}, {@code marks}, {@code round}, {@code peers}, {@code progress},
 * {@code finished}) for the subscribers, and {@link #subscribe} hands a new subscriber the full snapshot together
 * with the number of the last event it contains, atomically, so a late browser sees every round and misses nothing.
 *
 * <p>Thread-safe. Subscribers are called while the hub's lock is held, in event order: they must only queue the
 * event (e.g. onto a Vert.x context) and never block or call back into the hub.
 */
public final class DashboardHub {
    /** Rounds kept for the charts; older ones are dropped (the browser downsamples long runs anyway). */
    public static final int MAX_ROUNDS = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Receives the hub's events. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param id the event number (increasing)
         * @param type the event type
         * @param json the payload, one line of JSON
         */
        void onEvent(long id, String type, String json);
    }

    /**
     * A new subscriber's starting point.
     *
     * @param snapshotJson the whole model as one JSON object
     * @param lastId the number of the last event the snapshot includes
     * @param cancel unsubscribes
     */
    public record Subscription(String snapshotJson, long lastId, Runnable cancel) {}

    private final List<Listener> listeners = new ArrayList<>();
    private final ArrayList<RoundPoint> rounds = new ArrayList<>();
    private RunInfo info;
    private Topology topology = new Topology(List.of(), List.of());
    private List<NodeMark> marks = List.of();
    private List<PeerRow> peers = List.of();
    private Progress progress;
    private boolean finished;
    private long lastId;

    record Topology(List<GraphNode> nodes, List<GraphEdge> edges) {}

    public DashboardHub(RunInfo info) {
        this.info = Objects.requireNonNull(info, "info");
        this.progress = new Progress(0, info.totalRounds(), "idle", 0, 0, List.of());
    }

    public synchronized void setInfo(RunInfo i) {
        if (i.equals(info)) return;
        info = i;
        emit("info", i);
    }

    /** Replaces the graph; a browser keeps the layout of vertices it already knows. */
    public synchronized void setTopology(List<GraphNode> nodes, List<GraphEdge> edges) {
        Topology t = new Topology(List.copyOf(nodes), List.copyOf(edges));
        if (t.equals(topology)) return;
        topology = t;
        emit("topology", t);
    }

    /** Replaces all trust marks (vertices without a mark show as unknown). */
    public synchronized void setMarks(List<NodeMark> m) {
        List<NodeMark> copy = List.copyOf(m);
        if (copy.equals(marks)) return;
        marks = copy;
        emit("marks", copy);
    }

    /** Adds a completed round; a round number seen before replaces the earlier point (a restarted node). */
    public synchronized void addRound(RoundPoint p) {
        Objects.requireNonNull(p, "p");
        while (!rounds.isEmpty() && rounds.get(rounds.size() - 1).round() >= p.round())
            rounds.remove(rounds.size() - 1);
        rounds.add(p);
        if (rounds.size() > MAX_ROUNDS)
            rounds.subList(0, rounds.size() - MAX_ROUNDS).clear();
        emit("round", p);
    }

    public synchronized void setPeers(List<PeerRow> rows) {
        List<PeerRow> copy = List.copyOf(rows);
        if (copy.equals(peers)) return;
        peers = copy;
        emit("peers", copy);
    }

    public synchronized void setProgress(Progress p) {
        if (p.equals(progress)) return;
        progress = p;
        emit("progress", p);
    }

    /** Marks the run as finished (the page then stops showing it as live). */
    public synchronized void finish() {
        if (finished) return;
        finished = true;
        emit("finished", JSON.createObjectNode().put("finished", true));
    }

    public synchronized boolean finished() {
        return finished;
    }

    public synchronized int roundCount() {
        return rounds.size();
    }

    /** The whole model as JSON (also served as {@code /dashboard/state}). */
    public synchronized String snapshotJson() {
        ObjectNode s = JSON.createObjectNode();
        s.set("info", JSON.valueToTree(info));
        s.set("topology", JSON.valueToTree(topology));
        s.set("marks", JSON.valueToTree(marks));
        s.set("rounds", JSON.valueToTree(rounds));
        s.set("peers", JSON.valueToTree(peers));
        s.set("progress", JSON.valueToTree(progress));
        s.put("finished", finished);
        return s.toString();
    }

    /** Registers {@code l} and returns the snapshot it starts from; later events go to {@code l}. */
    public synchronized Subscription subscribe(Listener l) {
        listeners.add(l);
        return new Subscription(snapshotJson(), lastId, () -> unsubscribe(l));
    }

    public synchronized int subscribers() {
        return listeners.size();
    }

    private synchronized void unsubscribe(Listener l) {
        listeners.remove(l);
    }

    private void emit(String type, Object payload) {
        String json;
        try {
            json = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a dashboard " + type + " event", e);
        }
        long id = ++lastId;
        for (Listener l : List.copyOf(listeners)) {
            try {
                l.onEvent(id, type, json);
            } catch (RuntimeException e) {
                listeners.remove(l); // a broken subscriber loses its stream; the browser reconnects
            }
        }
    }
}
