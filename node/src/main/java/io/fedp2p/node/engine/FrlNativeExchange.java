package io.fedp2p.node.engine;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.robustness.CandidateDecision;
import io.fedp2p.robustness.ClassScorer;
import io.fedp2p.robustness.Evaluators;
import io.fedp2p.robustness.LossEvaluator;
import io.fedp2p.robustness.defence.MixOutcome;
import io.fedp2p.robustness.filter.RankVote;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * FRL-native adapter mode (ALGORITHMS.md §3.9a with §3.1–3.2 and §3.8): after local training a node ranks each
 * layer's supermask scores (ascending, ties by edge id), sends its rankings at every gossip step together with the
 * head as floats, and at every step replaces its rankings by the W-weighted Borda count of its own and its accepted
 * neighbours' rankings, {@code V[e] = Σ_{j∈A_i∪{i}} W[i][j]·P_j[e]}, ties by ascending edge id. After the Q-th vote
 * it rebuilds its scores from the shared sorted initial values, {@code s[G[p]] = v[p]} (§3.2), and trains from there.
 * The head goes through the node's normal defence (the float path), as §3.9a's last paragraph asks.
 *
 * <p>What the vote does and does not guarantee under gossip (§3.9a): each voter moves an edge's sum by at most
 * {@code W[i][j]·(n_l − 1)}; FRL's majority argument (a unanimous honest majority outvotes any reversal) holds only at
 * nodes where the malicious weight is below ½, which gossip does not guarantee per neighbourhood; and the Q votes of
 * a round re-rank, so they are not linear mixing (no W^Q contraction) and an attacker votes Q times per round.
 */
final class FrlNativeExchange implements ExchangeMode {
    private final FrlLayout layout;

    FrlNativeExchange(FrlLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    FrlLayout layout() {
        return layout;
    }

    @Override
    public float[] floats(float[] theta) {
        return layout.floats(theta);
    }

    @Override
    public boolean ranked() {
        return true;
    }

    @Override
    public void trained(RoundState rs, float[] theta) {
        rs.ranking = layout.rankings(theta);
    }

    @Override
    public ModelMessage decorate(RoundState rs, ModelMessage m) {
        return m.withRanking(rs.ranking);
    }

    @Override
    public SortedMap<PeerId, String> screen(RoundState rs) {
        SortedMap<PeerId, String> bad = new TreeMap<>();
        Iterator<Map.Entry<PeerId, ModelMessage>> it = rs.inbox.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<PeerId, ModelMessage> e = it.next();
            ModelMessage m = e.getValue();
            String problem = layout.problem(m.hasRanking() ? m.ranking() : null);
            if (problem != null) {
                bad.put(e.getKey(), problem);
                it.remove();
            }
        }
        return bad;
    }

    /**
     * fedp2p design: the defence scores a neighbour's head inside the node's own current adapter (its current
     * rankings' scores), so that F1 and minibatch losses compare heads on equal terms.
     */
    @Override
    public Evaluators evaluators(RoundState rs, Evaluators full) {
        int[][] ranking = rs.ranking;
        Evaluators out = Evaluators.none();
        if (full.scorer().isPresent()) {
            ClassScorer s = full.scorer().get();
            out = Evaluators.withScorer(h -> s.perClassF1(layout.assemble(ranking, h)), full.familiarClasses());
        }
        if (full.loss().isPresent()) {
            LossEvaluator l = full.loss().get();
            out = out.withLoss(h -> l.loss(layout.assemble(ranking, h)));
        }
        return out;
    }

    /**
     * SPEC-GAP: §3.9a does not say whose rankings count. fedp2p counts a neighbour's rankings at step q exactly when
     * the defence accepted its head at q (one admission decision per message: a message the defence rejects loses its
     * vote too; RFFL-removed peers are cut at the transport, §3.9c), with the Metropolis weight W[i][j] from the
     * announced degrees; the weight of everyone else stays with the node (§1.6 #2).
     */
    @Override
    public void mixed(RoundState rs, MixOutcome o, StepBook book) {
        List<int[][]> others = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (CandidateDecision d : o.decisions()) {
            if (!d.accepted()) continue;
            PeerId p = book.peer(d.key());
            ModelMessage m = p == null ? null : rs.inbox.get(p);
            if (m == null || !m.hasRanking()) continue;
            others.add(m.ranking());
            weights.add(Metropolis.weight(rs.degree, m.degree()));
        }
        double[] w = new double[weights.size()];
        for (int k = 0; k < w.length; k++) w[k] = weights.get(k);
        rs.ranking = vote(rs.ranking, others, w);
    }

    @Override
    public float[] next(RoundState rs) {
        return layout.assemble(rs.ranking, rs.z);
    }

    /**
     * One W-weighted Borda step per layer (ALGORITHMS.md §3.9a): the own rankings with weight {@code 1 − Σ w}, then
     * the others in list order with their weights; ties by ascending edge id (§3.8 #2).
     */
    static int[][] vote(int[][] own, List<int[][]> others, double[] weights) {
        if (others.size() != weights.length) throw new IllegalArgumentException("one weight per voter");
        double self = 1;
        for (double w : weights) self -= w;
        double[] all = new double[weights.length + 1];
        all[0] = Math.max(0, self);
        System.arraycopy(weights, 0, all, 1, weights.length);
        int[][] out = new int[own.length][];
        for (int l = 0; l < own.length; l++) {
            List<int[]> layer = new ArrayList<>(others.size() + 1);
            layer.add(own[l]);
            for (int[][] r : others) layer.add(r[l]);
            out[l] = RankVote.weightedBorda(layer, all);
        }
        return out;
    }
}
