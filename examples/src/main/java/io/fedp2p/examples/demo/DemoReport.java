package io.fedp2p.examples.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The demo's outputs: {@code summary.json} (CLI.md fields; only what repeats for the same seed), the comparison table
 * and {@code accuracy.png}. Wall-clock figures go into {@code run.json}, written by the command.
 *
 * <p>{@code virtualSeconds} and {@code bytesSentPerNodePerRound}: the demo runs on real sockets and the wall clock, so
 * it has no virtual time, and the socket byte count includes libp2p control traffic (ping, identify, window updates)
 * whose amount follows the wall clock. Both fields are {@code null} in {@code summary.json} (which repeats byte for
 * byte for the same seed) and {@code clock} says {@code wall}; the measured bytes and round times are in {@code
 * run.json}.
 */
public final class DemoReport {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final DemoNetwork net;
    private final List<DemoRun.Result> results;

    public DemoReport(DemoNetwork net, List<DemoRun.Result> results) {
        this.net = net;
        this.results = List.copyOf(results);
    }

    DemoRun.Result result(String key) {
        for (DemoRun.Result r : results) if (r.variant().key().equals(key)) return r;
        return null;
    }

    static RoundRow last(DemoRun.Result r) {
        return r.rows().get(r.rows().size() - 1);
    }

    public ObjectNode summary() {
        DemoSettings s = net.settings;
        DemoRun.Result main = result("defended");
        RoundRow end = last(main);
        ObjectNode o = JSON.createObjectNode();
        o.put("seed", s.seed());
        o.put("nodes", s.peers());
        o.put("byzantine", s.byzantine());
        o.put("rounds", s.rounds());
        o.put("attack", s.attack());
        o.put("defence", s.defence());
        o.putObject("honestAccuracy")
                .put("mean", end.mean())
                .put("min", end.min())
                .put("max", end.max());
        putAccuracy(o, "noAttackAccuracy", result("no-attack"));
        putAccuracy(o, "noDefenceAccuracy", result("no-defence"));
        // SPEC-GAP: CLI.md asks for virtualSeconds and bytesSentPerNodePerRound in summary.json and for nothing there
        // that varies between runs; over real sockets neither is reproducible, so both are null here and measured in
        // run.json.
        // socket bytes include libp2p control traffic (ping, identify, yamux window updates) whose amount follows the
        // wall clock, so they change from run to run: the measured figure is in run.json
        o.putNull("bytesSentPerNodePerRound");
        o.putNull("virtualSeconds");
        o.put("clock", "wall");
        o.put(
                "note",
                "real sockets on the wall clock: bytesSentPerNodePerRound (socket bytes, control traffic"
                        + " included) and the round times are measured in run.json, since they change from run to run");
        o.put("transport", "libp2p over TCP on loopback (Noise XX, yamux), signed gossip");
        o.put("topology", s.topology());
        o.put("spectralGap", net.spectralGap.gap());
        o.put("partition", s.partition());
        o.put("adapter", "ffa-lora");
        o.put("backboneSha256", net.task.task().backboneHash());
        o.put("localSteps", s.localSteps());
        o.put("gossipSteps", s.gossipSteps());
        if (s.task().isTopic()) {
            o.put("task", s.task().name());
            o.put("model", s.task().model());
            o.put("frozenLayers", s.task().frozenLayers());
            o.put("maxLength", s.task().maxLength());
        } else {
            o.put("trainImages", s.trainImages());
            o.put("testImages", s.testImages());
        }
        ArrayNode byz = o.putArray("byzantinePeers");
        for (int b : net.byzantinePeers()) byz.add(b);
        ArrayNode ids = o.putArray("peerIds");
        net.peerIds().forEach(ids::add);
        ArrayNode edges = o.putArray("edges");
        for (int[] e : net.topology.edges()) edges.addArray().add(e[0]).add(e[1]);
        o.put(
                "byzantineMessagesAccepted",
                main.rows().stream().mapToInt(RoundRow::byzantineAccepted).sum());
        o.put(
                "byzantineMessagesRejected",
                main.rows().stream().mapToInt(RoundRow::byzantineRejected).sum());
        o.put(
                "honestMessagesRejected",
                main.rows().stream().mapToInt(RoundRow::honestRejected).sum());
        ArrayNode per = o.putArray("perRound");
        for (int t = 0; t < s.rounds(); t++) {
            ObjectNode r = per.addObject().put("round", t);
            for (DemoRun.Result res : results)
                r.put(res.variant().key(), res.rows().get(t).mean());
        }
        return o;
    }

    private static void putAccuracy(ObjectNode o, String field, DemoRun.Result r) {
        if (r == null) o.putNull(field);
        else o.put(field, last(r).mean());
    }

    /** Mean bytes a peer (honest or not) sent per round in the main run. */
    public static double bytesPerPeerPerRound(DemoRun.Result r) {
        double sum = 0;
        int count = 0;
        for (List<PeerRound> peer : r.peers()) {
            for (PeerRound p : peer) {
                sum += p.bytesSent();
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /** The final comparison, one line per round, one column per run. */
    public String comparison() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n%-6s", "round"));
        for (DemoRun.Result r : results)
            sb.append(String.format(Locale.ROOT, " %28s", r.variant().title()));
        sb.append('\n');
        for (int t = 0; t < net.settings.rounds(); t++) {
            sb.append(String.format(Locale.ROOT, "%-6d", t));
            for (DemoRun.Result r : results)
                sb.append(String.format(Locale.ROOT, " %28.4f", r.rows().get(t).mean()));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** accuracy.png: honest mean accuracy per round of each run, with the main run's min–max. */
    public void chart(Path file) throws IOException {
        XYChart c = new XYChartBuilder()
                .width(800)
                .height(480)
                .title("fedp2p demo: honest test accuracy (" + net.settings.byzantine() + " of " + net.settings.peers()
                        + " peers run " + net.settings.attack() + ")")
                .xAxisTitle("round")
                .yAxisTitle("accuracy")
                .build();
        for (DemoRun.Result r : results) {
            double[] x = new double[r.rows().size()];
            double[] y = new double[x.length];
            for (int t = 0; t < x.length; t++) {
                x[t] = t + 1;
                y[t] = r.rows().get(t).mean();
            }
            c.addSeries(r.variant().title(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    public void writeSummary(Path dir) throws IOException {
        Files.writeString(
                dir.resolve("summary.json"), JSON.writeValueAsString(summary()) + "\n", StandardCharsets.UTF_8);
    }
}
