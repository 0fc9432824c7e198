package io.fedp2p.sim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.data.DatasetFormatException;
import io.fedp2p.node.train.Task;
import io.fedp2p.sim.core.Simulation;
import io.fedp2p.sim.core.SimulationListener;
import io.fedp2p.sim.core.SimulationResult;
import io.fedp2p.sim.core.SimulationStart;
import io.fedp2p.sim.dashboard.SimServe;
import io.fedp2p.sim.dashboard.TopologyFileWriter;
import io.fedp2p.sim.report.Charts;
import io.fedp2p.sim.report.Json;
import io.fedp2p.sim.report.MetricsWriter;
import io.fedp2p.sim.report.RoundRecord;
import io.fedp2p.sim.report.RunInfo;
import io.fedp2p.sim.report.SummaryJson;
import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.scenario.Twin;
import io.fedp2p.sim.task.SimTasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * One {@code fedp2p sim} invocation: builds the task once, runs the scenario and its twins, and writes the outputs.
 * A bad setting found before the first round (data, backbone, adapter, topology parameters, placement) is a usage
 * error (exit 2); anything later is a failed run.
 */
final class SimRun implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger("io.fedp2p.sim");

    private final CommandSpec spec;
    private final Scenario scenario;
    private final Path out;
    private final int threads;
    private final boolean charts;
    private final boolean json;
    private final SimServe serve;
    private SimServe.Live live;
    private final boolean terminal = System.console() != null;
    private final ObjectNode run = Json.object();
    private boolean started;
    private Task task;

    SimRun(CommandSpec spec, Scenario scenario, Path out, int threads, boolean charts, boolean json, SimServe serve) {
        this.spec = spec;
        this.scenario = scenario;
        this.out = out;
        this.threads = threads;
        this.charts = charts;
        this.json = json;
        this.serve = serve;
    }

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        RunInfo.resetPeaks();
        try (SimProgress p = new SimProgress("set-up", terminal)) {
            task = SimTasks.create(scenario, p);
        } catch (IllegalArgumentException | DatasetFormatException e) {
            throw new ParameterException(spec.commandLine(), "task: " + e.getMessage());
        }
        try (Task shared = task) {
            run.put("taskSeconds", (System.nanoTime() - t0) / 1e9);
            long baseline = RunInfo.usedHeapAfterGc();
            run.put("heapAfterTaskBytes", baseline);
            SimulationResult main = simulate(scenario, "metrics.jsonl", "sim", baseline);
            Map<Twin, SimulationResult> twins = new EnumMap<>(Twin.class);
            for (Twin t : scenario.twins()) {
                long w = System.nanoTime();
                twins.put(t, simulate(scenario.twin(t), "metrics-" + t.key() + ".jsonl", t.key(), -1));
                run.put(t.key() + "WallSeconds", (System.nanoTime() - w) / 1e9);
            }
            ObjectNode summary = SummaryJson.build(main, twins);
            Files.writeString(
                    out.resolve("summary.json"),
                    Json.PRETTY.writeValueAsString(summary) + "\n",
                    StandardCharsets.UTF_8);
            if (charts) writeCharts(main, twins);
            run.put("wallSeconds", (System.nanoTime() - t0) / 1e9);
            run.put("peakHeapBytes", RunInfo.peakHeap());
            run.put("peakRssBytes", RunInfo.procStatusBytes("VmHWM"));
            run.setAll(RunInfo.machine(threads));
            Files.writeString(
                    out.resolve("run.json"), Json.PRETTY.writeValueAsString(run) + "\n", StandardCharsets.UTF_8);
            report(summary);
        }
        if (live != null) SimServe.serveOn(live.server());
        return 0;
    }

    private SimulationResult simulate(Scenario s, String metricsFile, String label, long baseline) throws IOException {
        long t = System.nanoTime();
        try (MetricsWriter metrics = new MetricsWriter(out.resolve(metricsFile), s.nodes());
                SimProgress progress = new SimProgress(label, terminal)) {
            SimulationListener memory = baseline < 0 ? SimulationListener.NONE : new MemoryProbe(baseline, s.nodes());
            List<SimulationListener> listeners = new ArrayList<>(List.of(metrics, progress, memory));
            if (baseline >= 0) {
                listeners.add(new TopologyFileWriter(out.resolve("topology.json")));
                if (serve != null) listeners.add(liveDashboard());
            }
            SimulationListener all = SimulationListener.all(listeners);
            SimulationResult r;
            try {
                r = Simulation.run(s, task, threads, all);
            } catch (IllegalArgumentException e) {
                if (started) throw e;
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (baseline >= 0) run.put("simulationWallSeconds", (System.nanoTime() - t) / 1e9);
            run.put(label + "Trainings", r.work().trainings());
            run.put(label + "TrainingBatches", r.work().trainingBatches());
            return r;
        }
    }

    private SimulationListener liveDashboard() {
        try {
            live = serve.start();
        } catch (IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), "--serve: " + e.getMessage());
        }
        return live.listener();
    }

    private void writeCharts(SimulationResult main, Map<Twin, SimulationResult> twins) {
        try {
            Charts.write(out, main, twins);
        } catch (IOException | RuntimeException | LinkageError e) {
            log.warn("could not draw the plots: {}", e.toString());
        }
    }

    private void report(ObjectNode summary) throws IOException {
        java.io.PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(Json.MAPPER.writeValueAsString(summary));
            stdout.flush();
            return;
        }
        stdout.printf(
                Locale.ROOT,
                "honest accuracy %s; %s bytes per node per round; %.1f virtual seconds; outputs in %s%n",
                summary.path("honestAccuracy").isNull()
                        ? "-"
                        : String.format(
                                Locale.ROOT,
                                "%.4f (min %.4f, max %.4f)",
                                summary.path("honestAccuracy").path("mean").asDouble(),
                                summary.path("honestAccuracy").path("min").asDouble(),
                                summary.path("honestAccuracy").path("max").asDouble()),
                summary.path("bytesSentPerNodePerRound").asText(),
                summary.path("virtualSeconds").asDouble(),
                out);
        stdout.flush();
    }

    /** Heap per node: used heap after GC at the start and at the end of the main run, above the task's baseline. */
    private final class MemoryProbe implements SimulationListener {
        private final long baseline;
        private final int nodes;

        MemoryProbe(long baseline, int nodes) {
            this.baseline = baseline;
            this.nodes = nodes;
        }

        @Override
        public void onStart(SimulationStart start) {
            started = true;
            long used = RunInfo.usedHeapAfterGc();
            run.put("heapAtStartBytes", used);
            run.put("heapPerNodeAtStartBytes", (used - baseline) / nodes);
        }

        @Override
        public void onRound(RoundRecord record) {}

        @Override
        public void onFinish(SimulationResult result) {
            long used = RunInfo.usedHeapAfterGc();
            run.put("heapAtEndBytes", used);
            run.put("heapPerNodeAtEndBytes", (used - baseline) / nodes);
            run.put("virtualSeconds", result.virtualSeconds());
            run.put("events", result.work().events());
        }
    }
}
