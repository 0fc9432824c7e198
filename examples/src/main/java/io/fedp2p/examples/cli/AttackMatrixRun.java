package io.fedp2p.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.examples.matrix.CellResult;
import io.fedp2p.examples.matrix.Heatmap;
import io.fedp2p.examples.matrix.MatrixColumn;
import io.fedp2p.examples.matrix.MatrixPlan;
import io.fedp2p.examples.matrix.MatrixReport;
import io.fedp2p.examples.matrix.MatrixRow;
import io.fedp2p.examples.matrix.MatrixRunner;
import io.fedp2p.node.data.DatasetFormatException;
import io.fedp2p.node.train.Task;
import io.fedp2p.sim.report.RunInfo;
import io.fedp2p.sim.task.SimTasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One {@code fedp2p attack-matrix} invocation: the task once, every cell, the outputs. */
final class AttackMatrixRun implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger("io.fedp2p.attack-matrix");

    private final picocli.CommandLine.Model.CommandSpec spec;
    private final MatrixPlan plan;
    private final Path out;
    private final int threads;
    private final boolean chart;
    private final boolean json;
    private final boolean terminal = System.console() != null;

    AttackMatrixRun(
            picocli.CommandLine.Model.CommandSpec spec,
            MatrixPlan plan,
            Path out,
            int threads,
            boolean chart,
            boolean json) {
        this.spec = spec;
        this.plan = plan;
        this.out = out;
        this.threads = threads;
        this.chart = chart;
        this.json = json;
    }

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        log.info(
                "attack-matrix: {} attacks × {} defences × {} fractions = {} simulations of {} nodes, {} rounds",
                plan.rows().size(),
                plan.columns().size(),
                plan.fractions().size(),
                plan.cells(),
                plan.base().nodes(),
                plan.base().rounds());
        Task task;
        try (SetupProgress p = new SetupProgress(terminal)) {
            task = SimTasks.create(plan.base(), p);
        } catch (IllegalArgumentException | DatasetFormatException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "task: " + e.getMessage());
        }
        ObjectNode run = RunInfoJson.object();
        run.put("taskSeconds", (System.nanoTime() - t0) / 1e9);
        ArrayNode cellSeconds = run.putArray("cellWallSeconds");
        List<CellResult> cells;
        String backboneHash = task.backboneHash();
        try (Task shared = task;
                CellProgress progress = new CellProgress(plan.cells(), terminal, cellSeconds)) {
            cells = new MatrixRunner(plan, shared, threads).run(progress);
        }
        MatrixReport report = new MatrixReport(plan, backboneHash, cells);
        report.write(out);
        if (chart) {
            try {
                Heatmap.write(plan, cells, out.resolve("matrix.png"));
            } catch (IOException | RuntimeException | LinkageError e) {
                log.warn("could not draw matrix.png: {}", e.toString());
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        run.put("wallSeconds", wall);
        run.put("cells", plan.cells());
        run.setAll(RunInfo.machine(threads));
        Files.writeString(
                out.resolve("run.json"), RunInfoJson.PRETTY.writeValueAsString(run) + "\n", StandardCharsets.UTF_8);
        if (json) {
            System.out.println(RunInfoJson.COMPACT.writeValueAsString(report.json()));
        } else {
            System.out.print(report.table(false));
            long met = report.verdicts().stream().filter(v -> v.met()).count();
            System.out.printf(
                    Locale.ROOT,
                    "pipeline goals met in %d of %d rows; %d simulations in %.0f s; outputs in %s%n",
                    met,
                    report.verdicts().size(),
                    plan.cells(),
                    wall,
                    out);
        }
        return 0;
    }

    /** Pretraining and feature-cache progress. */
    private static final class SetupProgress implements io.fedp2p.node.train.ProgressListener, AutoCloseable {
        private final boolean terminal;
        private ProgressBar bar;
        private long lastTenth = -1;

        SetupProgress(boolean terminal) {
            this.terminal = terminal;
        }

        @Override
        public void progress(long done, long total, String message) {
            if (terminal) {
                if (bar == null) bar = bar("set-up", total);
                bar.maxHint(total);
                bar.stepTo(done);
                bar.setExtraMessage(message);
                return;
            }
            long tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                log.info("set-up: {}/{} {}", done, total, message);
            }
        }

        @Override
        public void close() {
            if (bar != null) bar.close();
        }
    }

    /** One step per cell; a bar on a terminal, a log line per cell otherwise. */
    private static final class CellProgress implements MatrixRunner.Progress, AutoCloseable {
        private final boolean terminal;
        private final ArrayNode seconds;
        private final ProgressBar bar;

        CellProgress(int total, boolean terminal, ArrayNode seconds) {
            this.terminal = terminal;
            this.seconds = seconds;
            this.bar = terminal ? bar("cells", total) : null;
        }

        @Override
        public void cellStarted(int index, int total, MatrixRow row, MatrixColumn column, double fraction) {
            if (terminal) bar.setExtraMessage(row.name() + " × " + column.name() + " @" + fraction);
        }

        @Override
        public void cellFinished(int index, int total, CellResult r, double wallSeconds) {
            seconds.add(wallSeconds);
            if (terminal) {
                bar.stepTo(index + 1);
                return;
            }
            log.info(String.format(
                    Locale.ROOT,
                    "cell %d/%d: %s × %s @%.2f: honest accuracy %.4f [%.4f, %.4f], %d accepted, %d rejected (%.1f s)",
                    index + 1,
                    total,
                    r.attack(),
                    r.defence(),
                    r.byzantineFraction(),
                    r.honestAccuracy().mean(),
                    r.honestAccuracy().min(),
                    r.honestAccuracy().max(),
                    r.accepted(),
                    r.rejectedTotal(),
                    wallSeconds));
        }

        @Override
        public void close() {
            if (bar != null) bar.close();
        }
    }

    static ProgressBar bar(String name, long total) {
        return new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }
}
