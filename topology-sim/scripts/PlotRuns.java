import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Plots one per-round field of several `fedp2p sim` runs in one PNG (XChart, as the simulator's own charts), for the
 * figures of BENCHMARKS.md ("simulator"). A single-file program run against the launcher's jar, from the
 * repository root:
 *
 * <pre>
 * java -Djava.awt.headless=true -cp examples/target/fedp2p.jar topology-sim/scripts/PlotRuns.java \
 *     OUT.png FIELD TITLE LABEL=RUN_DIR [LABEL=RUN_DIR ...]
 * </pre>
 *
 * FIELD is {@code consensusDistance} (log scale) or {@code accuracy} (the honest mean test accuracy); each RUN_DIR
 * holds the run's {@code metrics.jsonl} (the label ends at the last {@code =}). Rounds are shown 1-based, as in the simulator's charts.
 */
public final class PlotRuns {
    private PlotRuns() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: PlotRuns OUT.png consensusDistance|accuracy TITLE LABEL=RUN_DIR ...");
            System.exit(2);
        }
        String field = args[1];
        boolean consensus = field.equals("consensusDistance");
        if (!consensus && !field.equals("accuracy")) {
            System.err.println("FIELD must be consensusDistance or accuracy, not " + field);
            System.exit(2);
        }
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(560)
                .title(args[2])
                .xAxisTitle("round")
                .yAxisTitle(consensus ? "consensus distance (1/m) sum ||x_i - mean||^2" : "honest mean test accuracy")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(consensus ? Styler.LegendPosition.OutsideE : Styler.LegendPosition.InsideSE);
        chart.getStyler().setYAxisLogarithmic(consensus);
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].lastIndexOf('=');
            if (eq <= 0) {
                System.err.println("expected LABEL=RUN_DIR, got " + args[i]);
                System.exit(2);
            }
            List<double[]> points = read(Path.of(args[i].substring(eq + 1), "metrics.jsonl"), consensus);
            double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
            if (x.length > 0) chart.addSeries(args[i].substring(0, eq), x, y).setMarker(SeriesMarkers.NONE);
        }
        BitmapEncoder.saveBitmap(chart, args[0], BitmapEncoder.BitmapFormat.PNG);
    }

    private static List<double[]> read(Path metrics, boolean consensus) throws Exception {
        List<double[]> points = new ArrayList<>();
        for (String line : Files.readAllLines(metrics)) {
            if (line.isBlank()) continue;
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            double round = o.get("round").getAsDouble() + 1;
            JsonElement v = consensus ? o.get("consensusDistance") : o.get("honestAccuracy");
            if (v == null || v.isJsonNull()) continue;
            double y = consensus ? v.getAsDouble() : v.getAsJsonObject().get("mean").getAsDouble();
            if (!consensus || y > 0) points.add(new double[] {round, y});
        }
        return points;
    }
}
