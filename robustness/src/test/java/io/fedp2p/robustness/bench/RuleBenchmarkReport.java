package io.fedp2p.robustness.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link RuleBenchmark} with the GC profiler and prints, per rule and dimension, the time per mixing step, its
 * ratio to {@code mean-kernel} measured in the same run, and the bytes allocated per step in units of one vector (4·d
 * bytes): a rule that allocated per coordinate would show far more than O(n) vectors. Arguments, optional: a
 * comma-separated list of rules, then of dimensions.
 */
public final class RuleBenchmarkReport {
    private RuleBenchmarkReport() {}

    public static void main(String[] args) throws RunnerException {
        OptionsBuilder b = new OptionsBuilder();
        b.include(RuleBenchmark.class.getName()).addProfiler(GCProfiler.class);
        if (args.length > 0) b.param("rule", withBaseline(args[0].split(",")));
        if (args.length > 1) b.param("d", args[1].split(","));
        Options options = b.build();
        Collection<RunResult> results = new Runner(options).run();
        Map<Integer, Double> baseline = new TreeMap<>();
        Map<String, Map<Integer, double[]>> rows = new TreeMap<>();
        for (RunResult r : results) {
            String rule = r.getParams().getParam("rule");
            int d = Integer.parseInt(r.getParams().getParam("d"));
            double ms = r.getPrimaryResult().getScore();
            var alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            double bytes = alloc == null ? Double.NaN : alloc.getScore();
            if (rule.equals("mean-kernel")) baseline.put(d, ms);
            rows.computeIfAbsent(rule, k -> new TreeMap<>()).put(d, new double[] {ms, bytes / (4.0 * d)});
        }
        System.out.println("| rule | d | ms per step | × mean-kernel | allocated (vectors of 4·d bytes) |");
        System.out.println("|---|---|---|---|---|");
        for (Map.Entry<String, Map<Integer, double[]>> row : rows.entrySet()) {
            for (Map.Entry<Integer, double[]> cell : row.getValue().entrySet()) {
                double ms = cell.getValue()[0];
                Double base = baseline.get(cell.getKey());
                System.out.println(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.3f | %s | %.1f |",
                        row.getKey(),
                        cell.getKey(),
                        ms,
                        base == null ? "n/a" : String.format(Locale.ROOT, "%.1f", ms / base),
                        cell.getValue()[1]));
            }
        }
    }

    private static String[] withBaseline(String[] rules) {
        List<String> out = new ArrayList<>(List.of(rules));
        if (!out.contains("mean-kernel")) out.add(0, "mean-kernel");
        return out.toArray(String[]::new);
    }
}
