package io.fedp2p.sim.core;

import io.fedp2p.gossip.clock.Clock;
import io.fedp2p.node.engine.PeerOutcome;
import io.fedp2p.node.engine.RoundResult;
import io.fedp2p.node.train.Evaluation;
import io.fedp2p.sim.report.RoundRecord;
import io.fedp2p.sim.scenario.EvaluationSettings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Gathers the nodes' round results into one {@link RoundRecord} per round. A round closes once every honest node that
 * is up has finished it (or jumped past it); then the honest models x_{t+1} are evaluated in one batch, the consensus
 * distance computed, and the record handed to the listener once the evaluations (which run in the background while
 * the simulation goes on) are done; records always come out in round order. A result that arrives after its round closed (a node
 * back from a crash) only counts as late. Simulation thread only.
 */
final class RoundCollector {
    /** Closed rounds whose evaluation may run behind the simulation before it waits. */
    private static final int MAX_PENDING = 2;

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
    private final ArrayDeque<PendingRound> pending = new ArrayDeque<>();
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

    /** Closes every round that has results, whoever is missing, and waits for their evaluations (end of the run). */
    void finish() {
        while (openRound < rounds && !open.isEmpty()) {
            close(openRound);
            openRound++;
        }
        emit(0);
    }

    private void close(long round) {
        RoundAccumulator acc = open.remove(round);
        if (acc == null || acc.models.isEmpty()) return;
        List<float[]> models = new ArrayList<>(acc.models.values());
        RoundRecord partial = new RoundRecord(
                round,
                acc.lastNanos / 1e9,
                models.size(),
                countingNodes,
                null,
                Double.NaN,
                acc.trainLoss(),
                consensusDistance(models),
                acc.bytesSent,
                acc.accepted,
                acc.rejected,
                acc.deficitSum / models.size());
        CompletableFuture<List<Evaluation>> ev = evaluation.evaluates(round, rounds)
                ? evaluator.submit(models)
                : CompletableFuture.completedFuture(null);
        pending.add(new PendingRound(partial, ev));
        emit(MAX_PENDING);
    }

    /** Hands closed rounds to the listener in order: those evaluated already, waiting until at most {@code keep} are left. */
    private void emit(int keep) {
        while (!pending.isEmpty()
                && (pending.size() > keep || pending.peek().evaluations.isDone())) {
            PendingRound p = pending.poll();
            List<Evaluation> ev;
            try {
                ev = p.evaluations.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw e;
            }
            RoundRecord r = ev == null ? p.partial : withAccuracy(p.partial, ev);
            records.add(r);
            listener.onRound(r);
        }
    }

    private static RoundRecord withAccuracy(RoundRecord r, List<Evaluation> ev) {
        double[] acc = new double[ev.size()];
        double loss = 0;
        for (int i = 0; i < acc.length; i++) {
            acc[i] = ev.get(i).accuracy();
            loss += ev.get(i).meanLoss();
        }
        return new RoundRecord(
                r.round(),
                r.virtualSeconds(),
                r.completed(),
                r.alive(),
                RoundRecord.Stats.of(acc),
                loss / acc.length,
                r.trainLoss(),
                r.consensusDistance(),
                r.bytesSent(),
                r.accepted(),
                r.rejected(),
                r.mixingDeficit());
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

    /** A closed round waiting for its evaluations. */
    private record PendingRound(RoundRecord partial, CompletableFuture<List<Evaluation>> evaluations) {}

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
