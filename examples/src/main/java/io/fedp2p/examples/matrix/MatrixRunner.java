package io.fedp2p.examples.matrix;

import io.fedp2p.node.train.Task;
import io.fedp2p.sim.core.Simulation;
import io.fedp2p.sim.core.SimulationListener;
import io.fedp2p.sim.core.SimulationResult;
import io.fedp2p.sim.report.RoundRecord;
import io.fedp2p.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Runs the cells of a {@link MatrixPlan} one after the other on one shared task (one backbone, one feature cache).
 * Each cell is a full {@link Simulation}: the node's round engine over the in-memory transport on a virtual clock,
 * whose training and evaluation already use {@code threads} workers; its result does not depend on the thread count,
 * so the whole matrix is reproducible from the seed.
 */
public final class MatrixRunner {
    /** Told about every finished cell, in plan order. */
    public interface Progress {
        void cellStarted(int index, int total, MatrixRow row, MatrixColumn column, double fraction);

        void cellFinished(int index, int total, CellResult result, double wallSeconds);
    }

    private final MatrixPlan plan;
    private final Task task;
    private final int threads;

    /**
     * @param task built for {@code plan.base()} (its node count, seed and partition), e.g. with {@code
     *     SimTasks.create}
     */
    public MatrixRunner(MatrixPlan plan, Task task, int threads) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.task = Objects.requireNonNull(task, "task");
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        this.threads = threads;
    }

    /** Every cell, fraction by fraction, row by row, column by column. */
    public List<CellResult> run(Progress progress) {
        List<CellResult> out = new ArrayList<>();
        int total = plan.cells();
        int i = 0;
        for (double fraction : plan.fractions()) {
            for (MatrixRow row : plan.rows()) {
                for (MatrixColumn column : plan.columns()) {
                    progress.cellStarted(i, total, row, column, fraction);
                    long t0 = System.nanoTime();
                    CellResult r = runCell(row, column, fraction);
                    progress.cellFinished(i, total, r, (System.nanoTime() - t0) / 1e9);
                    out.add(r);
                    i++;
                }
            }
        }
        return out;
    }

    /** One cell. */
    public CellResult runCell(MatrixRow row, MatrixColumn column, double fraction) {
        Scenario s = plan.cell(row, column, fraction);
        SimulationResult result = Simulation.run(s, task, threads, SimulationListener.NONE);
        return summarise(row, column, fraction, s.adversary().byzantine(), result);
    }

    static CellResult summarise(
            MatrixRow row, MatrixColumn column, double fraction, int byzantine, SimulationResult result) {
        RoundRecord last = result.lastEvaluated();
        if (last == null)
            throw new IllegalStateException("no round of " + row.name() + " × " + column.name() + " closed");
        long accepted = 0;
        TreeMap<String, Long> rejected = new TreeMap<>();
        double deficit = 0;
        for (RoundRecord r : result.rounds()) {
            accepted += r.accepted();
            r.rejected().forEach((k, v) -> rejected.merge(k, v, Long::sum));
            deficit += r.mixingDeficit();
        }
        return new CellResult(
                row.name(),
                column.name(),
                fraction,
                byzantine,
                last.accuracy(),
                accepted,
                rejected,
                deficit / result.rounds().size(),
                last.consensusDistance());
    }
}
