package io.fedp2p.sim.dashboard;

import io.fedp2p.node.dashboard.DashboardHub;
import io.fedp2p.node.dashboard.GraphNode;
import io.fedp2p.node.dashboard.NodeMark;
import io.fedp2p.node.dashboard.PeerRow;
import io.fedp2p.node.dashboard.Progress;
import io.fedp2p.node.dashboard.RoundPoint;
import io.fedp2p.node.dashboard.RunInfo;
import io.fedp2p.node.dashboard.Stats;
import io.fedp2p.node.engine.RoundResult;
import io.fedp2p.sim.core.SimulationListener;
import io.fedp2p.sim.core.SimulationResult;
import io.fedp2p.sim.core.SimulationStart;
import io.fedp2p.sim.report.RoundRecord;
import io.fedp2p.sim.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds a {@link DashboardHub} from a running simulation: the graph with its Byzantine nodes at the start, one chart
 * point per closed round (honest accuracy min/mean/max, honest test loss), and every few rounds the nodes' trust
 * marks, table rows and link traffic (every round up to 200 nodes, then every ⌈n/200⌉ rounds so a large run does not
 * flood the browsers). An optional wall-clock pause after each round lets a person follow a fast run live; it
 * changes no result. Simulation thread only.
 */
public final class SimDashboard implements SimulationListener {
    private static final int WAITING_SHOWN = 64;

    private final DashboardHub hub;
    private final Duration roundDelay;
    private NodeViews views;
    private Scenario scenario;
    private int updateEvery = 1;
    private double lastVirtualSeconds;

    /**
     * @param roundDelay wall-clock pause after each closed round (zero: none)
     */
    public SimDashboard(DashboardHub hub, Duration roundDelay) {
        this.hub = hub;
        this.roundDelay = roundDelay;
    }

    /** An empty hub for a simulation that has not started yet. */
    public static DashboardHub emptyHub() {
        return new DashboardHub(new RunInfo("sim", "fedp2p sim", null, 0, Map.of()));
    }

    @Override
    public void onStart(SimulationStart start) {
        scenario = start.scenario();
        views = new NodeViews(start);
        int n = start.topology().size();
        updateEvery = Math.max(1, (n + 199) / 200);
        hub.setInfo(info(start));
        List<GraphNode> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            nodes.add(new GraphNode(Integer.toString(i), Integer.toString(i), views.byzantine(i), false));
        }
        hub.setTopology(nodes, views.edges());
        hub.setProgress(progress(0, "running"));
    }

    private static RunInfo info(SimulationStart s) {
        Scenario sc = s.scenario();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("nodes", Integer.toString(sc.nodes()));
        facts.put("byzantine", Integer.toString(s.byzantine().size()));
        facts.put("topology", sc.topology().format());
        facts.put("attack", s.byzantine().isEmpty() ? "none" : sc.adversary().attackText());
        facts.put("defence", sc.defenceText());
        facts.put("task", sc.task().name());
        facts.put("seed", Long.toString(sc.seed()));
        return new RunInfo("sim", "fedp2p sim · " + sc.name(), null, sc.rounds(), facts);
    }

    @Override
    public void onNodeRound(int node, RoundResult result) {
        views.completed(node, result);
    }

    @Override
    public void onRound(RoundRecord r) {
        double seconds = r.virtualSeconds() - lastVirtualSeconds;
        lastVirtualSeconds = r.virtualSeconds();
        hub.addRound(new RoundPoint(
                r.round(),
                stats(r.accuracy(), r.completed()),
                Stats.of(r.testLoss()),
                r.bytesSent(),
                seconds,
                r.accepted(),
                r.rejectedTotal()));
        if (r.round() % updateEvery == 0) publishNodes();
        hub.setProgress(progress(r.round() + 1, "running"));
        pause();
    }

    @Override
    public void onFinish(SimulationResult result) {
        publishNodes();
        hub.setProgress(progress(scenario.rounds(), "finished"));
        hub.finish();
    }

    private void publishNodes() {
        int n = scenario.nodes();
        List<NodeMark> marks = new ArrayList<>(n);
        List<PeerRow> rows = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            NodeMark m = views.mark(j);
            marks.add(m);
            rows.add(views.row(j, m));
        }
        hub.setMarks(marks);
        hub.setPeers(rows);
        List<GraphNode> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++)
            nodes.add(new GraphNode(Integer.toString(i), Integer.toString(i), views.byzantine(i), false));
        hub.setTopology(nodes, views.edges());
    }

    private Progress progress(long round, String phase) {
        List<String> waiting = phase.equals("finished") ? List.of() : views.waitingFor(round, WAITING_SHOWN);
        return new Progress(
                round, scenario.rounds(), phase, 0, scenario.learning().gossipSteps(), waiting);
    }

    private static Stats stats(RoundRecord.Stats s, int completed) {
        if (s == null || !Double.isFinite(s.min()) || !Double.isFinite(s.max()) || !Double.isFinite(s.mean()))
            return null;
        double mean = Math.min(s.max(), Math.max(s.min(), s.mean()));
        return new Stats(s.min(), mean, s.max(), Math.max(1, completed));
    }

    private void pause() {
        if (roundDelay.isZero()) return;
        try {
            Thread.sleep(roundDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
