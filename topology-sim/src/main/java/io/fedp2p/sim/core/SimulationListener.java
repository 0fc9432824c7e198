package io.fedp2p.sim.core;

import io.fedp2p.node.engine.RoundResult;
import io.fedp2p.sim.report.RoundRecord;
import io.fedp2p.sim.scenario.ChurnEvent;
import java.util.List;

/**
 * The simulation's event stream, on the simulation thread: the set-up (topology, Byzantine nodes), one record per
 * closed round, churn, and the end. Reports (metrics.jsonl, progress) listen here, and so can a live dashboard. A
 * listener must not block for long: virtual time stands still while it runs.
 */
public interface SimulationListener {
    SimulationListener NONE = new SimulationListener() {};

    /** The nodes are built and linked; rounds start next. */
    default void onStart(SimulationStart start) {}

    /**
     * Node {@code node} (honest or Byzantine) finished a round, before the collector takes the result; for per-node
     * views such as the dashboard's reputation colours. Read only: the result's vectors belong to the simulation.
     */
    default void onNodeRound(int node, RoundResult result) {}

    /** A round closed. */
    default void onRound(RoundRecord record) {}

    /** Nodes crashed, came back, left or joined at virtual time {@code virtualSeconds}. */
    default void onChurn(double virtualSeconds, ChurnEvent.Kind kind, boolean back, List<Integer> nodes) {}

    /** The run ended. */
    default void onFinish(SimulationResult result) {}

    /** Calls every listener in order. */
    static SimulationListener all(List<SimulationListener> listeners) {
        List<SimulationListener> ls = List.copyOf(listeners);
        return new SimulationListener() {
            @Override
            public void onStart(SimulationStart start) {
                ls.forEach(l -> l.onStart(start));
            }

            @Override
            public void onNodeRound(int node, RoundResult result) {
                ls.forEach(l -> l.onNodeRound(node, result));
            }

            @Override
            public void onRound(RoundRecord record) {
                ls.forEach(l -> l.onRound(record));
            }

            @Override
            public void onChurn(double t, ChurnEvent.Kind kind, boolean back, List<Integer> nodes) {
                ls.forEach(l -> l.onChurn(t, kind, back, nodes));
            }

            @Override
            public void onFinish(SimulationResult result) {
                ls.forEach(l -> l.onFinish(result));
            }
        };
    }
}
