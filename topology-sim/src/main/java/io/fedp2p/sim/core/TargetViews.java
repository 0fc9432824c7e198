package io.fedp2p.sim.core;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.gossip.transport.InMemoryNetwork;
import io.fedp2p.node.engine.TargetViewSource;
import io.fedp2p.robustness.attack.TargetView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Target-omniscient knowledge (ALGORITHMS.md §6, simulation only): what an honest target holds at (round, step) —
 * its own message, its honest neighbours' messages with the weights W[t][j] it gives them, and the total weight of
 * its Byzantine neighbours. Built from the messages every node sent (the last two slots per node) and the current
 * links. Weights are Metropolis–Hastings from current degrees, or 1/(deg_t + 1) when the target's rule has no W
 * (§6.7). Simulation thread only.
 */
final class TargetViews implements TargetViewSource, NodeTransport.SentLog {
    private final InMemoryNetwork network;
    private final Map<PeerId, Integer> index;
    private final boolean[] byzantine;
    private final boolean uniformWeights;
    private final ModelMessage[] last;
    private final ModelMessage[] previous;

    TargetViews(InMemoryNetwork network, Map<PeerId, Integer> index, boolean[] byzantine, boolean uniformWeights) {
        this.network = network;
        this.index = index;
        this.byzantine = byzantine.clone();
        this.uniformWeights = uniformWeights;
        this.last = new ModelMessage[byzantine.length];
        this.previous = new ModelMessage[byzantine.length];
    }

    @Override
    public void sent(int node, ModelMessage m) {
        if (byzantine[node]) return;
        ModelMessage l = last[node];
        if (l != null && l.round() == m.round() && l.step() == m.step()) return;
        previous[node] = l;
        last[node] = m;
    }

    private float[] sentAt(int node, long round, int step) {
        for (ModelMessage m : new ModelMessage[] {last[node], previous[node]}) {
            if (m != null && m.round() == round && m.step() == step) return m.theta();
        }
        return null;
    }

    @Override
    public Optional<TargetView> view(long round, int step, PeerId target) {
        Integer t = index.get(target);
        if (t == null || byzantine[t]) return Optional.empty();
        float[] xt = sentAt(t, round, step);
        if (xt == null) return Optional.empty();
        SortedSet<PeerId> neighbours = network.neighbours(target);
        int degT = neighbours.size();
        List<float[]> honest = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double byzWeight = 0;
        for (PeerId p : neighbours) {
            int j = index.get(p);
            double w = uniformWeights
                    ? 1.0 / (degT + 1)
                    : 1.0 / (1 + Math.max(degT, network.neighbours(p).size()));
            if (byzantine[j]) {
                byzWeight += w;
            } else {
                float[] xj = sentAt(j, round, step);
                if (xj == null) continue; // the target has not heard it either
                honest.add(xj);
                weights.add(w);
            }
        }
        if (byzWeight <= 0) return Optional.empty();
        double[] w = new double[weights.size()];
        for (int k = 0; k < w.length; k++) w[k] = weights.get(k);
        return Optional.of(new TargetView(xt, honest, w, byzWeight));
    }
}
