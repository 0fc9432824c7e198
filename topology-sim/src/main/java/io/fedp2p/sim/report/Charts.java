package io.fedp2p.sim.report;

import io.fedp2p.sim.core.SimulationResult;
import io.fedp2p.sim.scenario.Twin;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The run's plots (XChart, PNG): {@code accuracy.png} (honest test accuracy per round: mean with the min–max band,
 * and the twins' means), {@code consensus.png} (consensus distance, log scale) and {@code bytes.png} (bytes sent per
 * node per round). Needs a headless AWT.
 */
public final class Charts {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;

    private Charts() {}

    /** Writes the three PNG files into {@code dir}; returns their paths. */
    public static List<Path> write(Path dir, SimulationResult main, Map<Twin, SimulationResult> twins)
            throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(save(accuracy(main, twins), dir.resolve("accuracy.png")));
        out.add(save(consensus(main), dir.resolve("consensus.png")));
        out.add(save(bytes(main), dir.resolve("bytes.png")));
        return out;
    }

    private static Path save(XYChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }

    private static XYChart chart(String title, String y) {
        XYChart c = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle("round")
                .yAxisTitle(y)
                .build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        return c;
    }

    static XYChart accuracy(SimulationResult main, Map<Twin, SimulationResult> twins) {
        XYChart c = chart(main.start().scenario().name() + ": honest test accuracy", "accuracy");
        List<RoundRecord> ev = evaluated(main);
        if (ev.isEmpty()) return c;
        int n = ev.size();
        double[] bx = new double[2 * n];
        double[] by = new double[2 * n];
        double[] x = new double[n];
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            RoundRecord r = ev.get(i);
            x[i] = r.round() + 1;
            mean[i] = r.accuracy().mean();
            bx[i] = x[i];
            by[i] = r.accuracy().max();
            bx[2 * n - 1 - i] = x[i];
            by[2 * n - 1 - i] = r.accuracy().min();
        }
        XYSeries band = c.addSeries("min-max", bx, by);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(new Color(70, 130, 180, 70));
        band.setLineColor(new Color(70, 130, 180, 70));
        band.setMarker(SeriesMarkers.NONE);
        c.addSeries("mean", x, mean).setMarker(SeriesMarkers.NONE).setLineColor(new Color(20, 60, 140));
        twins.forEach((t, r) -> {
            List<RoundRecord> te = evaluated(r);
            if (te.isEmpty()) return;
            double[] tx = te.stream().mapToDouble(q -> q.round() + 1).toArray();
            double[] ty = te.stream().mapToDouble(q -> q.accuracy().mean()).toArray();
            c.addSeries(t.key() + " mean", tx, ty).setMarker(SeriesMarkers.NONE);
        });
        return c;
    }

    static XYChart consensus(SimulationResult main) {
        XYChart c = chart(main.start().scenario().name() + ": consensus distance", "mean ||x_i - mean||^2");
        List<RoundRecord> rs = main.rounds();
        double[] x = rs.stream().mapToDouble(r -> r.round() + 1).toArray();
        double[] y = rs.stream().mapToDouble(RoundRecord::consensusDistance).toArray();
        boolean positive = y.length > 0;
        for (double v : y) positive &= v > 0 && Double.isFinite(v);
        if (y.length > 0) c.addSeries("honest nodes", x, y).setMarker(SeriesMarkers.NONE);
        c.getStyler().setYAxisLogarithmic(positive);
        return c;
    }

    static XYChart bytes(SimulationResult main) {
        int nodes = main.start().scenario().nodes();
        XYChart c = chart(main.start().scenario().name() + ": bytes sent per node", "bytes per node per round");
        List<RoundRecord> rs = main.rounds();
        double[] x = rs.stream().mapToDouble(r -> r.round() + 1).toArray();
        double[] y =
                rs.stream().mapToDouble(r -> (double) r.bytesSent() / nodes).toArray();
        if (y.length > 0) c.addSeries("model messages", x, y).setMarker(SeriesMarkers.NONE);
        return c;
    }

    private static List<RoundRecord> evaluated(SimulationResult r) {
        return r.rounds().stream().filter(q -> q.accuracy() != null).toList();
    }
}
