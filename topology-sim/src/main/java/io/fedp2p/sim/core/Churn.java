package io.fedp2p.sim.core;

import io.fedp2p.sim.scenario.ChurnEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Carries out a scenario's churn events on a {@link World}: time-triggered ones are clock tasks, round-triggered ones
 * fire when the first node starts that round (or a later one). Crashing and leaving nodes are drawn uniformly from the
 * nodes that are up, with the run's churn stream; joiners come in the order the builder drew them. Simulation thread
 * only.
 */
final class Churn {
    private final World world;
    private final RandomGenerator rng;
    private final Deque<Integer> joiners;
    private final List<ChurnEvent> byRound = new ArrayList<>();
    private int pendingTimed;

    Churn(World world, RandomGenerator rng) {
        this.world = world;
        this.rng = rng;
        this.joiners = new ArrayDeque<>(world.lateJoiners);
    }

    /** Schedules the time-triggered events and watches round starts for the others. */
    void schedule(List<ChurnEvent> events) {
        for (ChurnEvent e : events) {
            if (e.at() != null) {
                pendingTimed++;
                world.clock.schedule(e.at(), () -> {
                    pendingTimed--;
                    apply(e);
                });
            } else {
                byRound.add(e);
            }
        }
        world.roundStarted = this::roundStarted;
    }

    /** True while a time-triggered event or a crashed node's return is still to come. */
    boolean pending() {
        return pendingTimed > 0;
    }

    private void roundStarted(long round) {
        if (byRound.isEmpty()) return;
        List<ChurnEvent> due = new ArrayList<>();
        byRound.removeIf(e -> {
            if (e.round() <= round) {
                due.add(e);
                return true;
            }
            return false;
        });
        // act after the engine that announced the round has finished its own event
        for (ChurnEvent e : due) world.clock.execute(() -> apply(e));
    }

    private void apply(ChurnEvent e) {
        double t = world.clock.nanos() / 1e9;
        List<Integer> chosen = new ArrayList<>();
        switch (e.kind()) {
            case CRASH, LEAVE -> {
                List<SimNode> up = world.upNodes();
                for (int k = 0; k < e.count() && !up.isEmpty(); k++) {
                    SimNode n = up.remove(rng.nextInt(up.size()));
                    world.takeDown(n, e.kind() == ChurnEvent.Kind.LEAVE);
                    chosen.add(n.index);
                }
                if (e.kind() == ChurnEvent.Kind.CRASH && !chosen.isEmpty()) {
                    pendingTimed++;
                    List<Integer> back = List.copyOf(chosen);
                    world.clock.schedule(e.downtime(), () -> {
                        pendingTimed--;
                        for (int i : back) world.restore(world.nodes[i]);
                        world.listener.onChurn(world.clock.nanos() / 1e9, ChurnEvent.Kind.CRASH, true, back);
                    });
                }
            }
            case JOIN -> {
                for (int k = 0; k < e.count() && !joiners.isEmpty(); k++) {
                    SimNode n = world.nodes[joiners.poll()];
                    world.join(n);
                    chosen.add(n.index);
                }
            }
        }
        world.listener.onChurn(t, e.kind(), false, chosen);
    }
}
