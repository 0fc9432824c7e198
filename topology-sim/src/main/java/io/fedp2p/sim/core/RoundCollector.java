package io.fedp2p.sim.core;

import io.fedp2p.gossip.clock.Clock;
import io.fedp2p.node.engine.PeerOutcome;
import io.fedp2p.node.engine.RoundResult;
import io.fedp2p.node.train.Evaluation;
import io.fedp2p.sim.report.RoundRecord;
import io.fedp2p.sim.scenario.EvaluationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Gathers the nodes' round results into one {@link RoundRecord} per round. A round closes once every honest node that
 * is up has finished it (or jumped past it); then the honest models x_{t+1} are evaluated in one batch, the consensus
 * distance computed, and the record handed to the listener. A result that arrives after its round closed (a node
 * back from a crash) only counts as late. Simulation thread only.
 */
final class RoundCollector {
    private final boolean[] byzantine;
    private final long[] passed;
    private final boolean[] counting;
    private final int rounds;
    private final EvaluationSettings evaluation;
    private final BatchEvaluator evaluator;
    private final SimulationListener listener;
    private final Clock clock;
    private final TreeMap<Long, RoundAccumulator> open = new TreeMap<>();
    private final List<RoundRecord> records = new ArrayList<>();
    private long openRound;
    private int laggards;
    private int countingNodes;
    private long lateResults;

    RoundCollector(
            boolean[] byzantine,
            int rounds,
            EvaluationSettings evaluation,
            BatchEvaluator evaluator,
            SimulationListener listener,
            Clock clock) {
        this.byzantine = byzantine.clone();
        this.passed = new long[byzantine.length];
        java.util.Arrays.fill(passed, -1);
        this.counting = new boolean[byzantine.length];
        this.rounds = rounds;
        this.evaluation = evaluation;
        this.evaluator = evaluator;
        this.listener = listener;
        this.clock = clock;
    }

    /** Marks an honest node up (it must finish a round before the round closes) or down. */
    void setUp(int node, boolean up) {
        if (byzantine[node] || counting[node] == up) return;
        counting[node] = up;
        countingNodes += up ? 1 : -1;
        if (passed[node] < openRound) laggards += up ? 1 : -1;
        maybeClose();
    }

    /** The node's next round is {@code nextRound} (it skipped what lies before). */
    void skippedTo(int node, long nextRound) {
        advance(node, nextRound - 1);
    }

    void completed(int node, RoundResult r) {
        if (r.round() < openRound) {
            lateResults++;
        } else {
            RoundAccumulator acc = open.computeIfAbsent(r.round(), k -> new RoundAccumulator());
            if (byzantine[node]) acc.addByzantine(r);
            else acc.addHonest(node, r);
            acc.lastNanos = Math.max(acc.lastNanos, clock.nanos());
        }
        if (!byzantine[node]) advance(node, r.round());
    }

    private void advance(int node, long newPassed) {
        long old = passed[node];
        if (newPassed <= old) return;
        passed[node] = newPassed;
        if (counting[node] && old < openRound && newPassed >= openRound) {
            laggards--;
            maybeClose();
        }
    }

    private void maybeClose() {
        while (laggards == 0 && countingNodes > 0 && openRound < rounds) {
            close(openRound);
            openRound++;
            int l = 0;
            for (int i = 0; i < counting.length; i++) if (counting[i] && passed[i] < openRound) l++;
            laggards = l;
        }
    }

    /** Closes every round that has results, whoever is missing (end of the run). */
    void finish() {
        while (openRound < rounds && !open.isEmpty()) {
            close(openRound);
            openRound++;
        }
    }

    private void close(long round) {
        RoundAccumulator acc = open.remove(round);
        if (acc == null || acc.models.isEmpty()) return;
        List<float[]> models = new ArrayList<>(acc.models.values());
        RoundRecord.Stats accuracy = null;
        double testLoss = Double.NaN;
        if (evaluation.evaluates(round, rounds)) {
            List<Evaluation> ev = evaluator.evaluate(models);
            double[] acc1 = new double[ev.size()];
            double loss = 0;
            for (int i = 0; i < acc1.length; i++) {
                acc1[i] = ev.get(i).accuracy();
                loss += ev.get(i).meanLoss();
            }
            accuracy = RoundRecord.Stats.of(acc1);
            testLoss = loss / acc1.length;
        }
        RoundRecord r = new RoundRecord(
                round,
                acc.lastNanos / 1e9,
                models.size(),
                countingNodes,
                accuracy,
                testLoss,
                acc.trainLoss(),
                consensusDistance(models),
                acc.bytesSent,
                acc.accepted,
                acc.rejected,
                acc.deficitSum / models.size());
        records.add(r);
        listener.onRound(r);
    }

    /** (1/m) Σ ‖x_i − x̄‖², in double. */
    static double consensusDistance(List<float[]> models) {
        int d = models.get(0).length;
        double[] mean = new double[d];
        for (float[] m : models) for (int e = 0; e < d; e++) mean[e] += m[e];
        for (int e = 0; e < d; e++) mean[e] /= models.size();
        double s = 0;
        for (float[] m : models) {
            for (int e = 0; e < d; e++) {
                double v = m[e] - mean[e];
                s += v * v;
            }
        }
        return s / models.size();
    }

    List<RoundRecord> records() {
        return List.copyOf(records);
    }

    long lateResults() {
        return lateResults;
    }

    /** What one round's results add up to so far. */
    private static final class RoundAccumulator {
        final TreeMap<Integer, float[]> models = new TreeMap<>();
        final TreeMap<String, Long> rejected = new TreeMap<>();
        double trainLossSum;
        int trainLossCount;
        double deficitSum;
        long accepted;
        long bytesSent;
        long lastNanos;

        void addHonest(int node, RoundResult r) {
            models.put(node, r.model());
            if (Double.isFinite(r.trainLoss())) {
                trainLossSum += r.trainLoss();
                trainLossCount++;
            }
            deficitSum += r.mixingDeficit();
            bytesSent += r.bytesSent();
            for (PeerOutcome o : r.outcomes()) {
                if (o.accepted()) accepted++;
                else rejected.merge(o.reason(), 1L, Long::sum);
            }
        }

        void addByzantine(RoundResult r) {
            bytesSent += r.bytesSent();
        }

        double trainLoss() {
            return trainLossCount == 0 ? Double.NaN : trainLossSum / trainLossCount;
        }
    }
}
