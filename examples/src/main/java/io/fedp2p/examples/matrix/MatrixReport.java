package io.fedp2p.examples.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.sim.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The outputs of {@code fedp2p attack-matrix}: {@code results.json} (CLI.md shape, plus per-cell defence counts and
 * the goal verdicts), {@code results.csv}, {@code results.md} (the table as Markdown) and the text table. Everything
 * here is a function of the plan and the cell results, so two runs of the same seed write identical files.
 */
public final class MatrixReport {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final MatrixPlan plan;
    private final String backboneHash;
    private final List<CellResult> cells;
    private final List<Goals.Verdict> verdicts;

    /**
     * @param backboneHash the task's {@code backboneHash()}: results depend on the exact backbone
     */
    public MatrixReport(MatrixPlan plan, String backboneHash, List<CellResult> cells) {
        this.plan = plan;
        this.backboneHash = backboneHash;
        this.cells = List.copyOf(cells);
        this.verdicts = Goals.check(plan, cells);
    }

    public List<Goals.Verdict> verdicts() {
        return verdicts;
    }

    /** results.json. */
    public ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode sc = scenario(plan);
        sc.put("backboneSha256", backboneHash);
        root.set("scenario", sc);
        ArrayNode arr = root.putArray("cells");
        for (CellResult c : cells) {
            ObjectNode o = arr.addObject();
            o.put("attack", c.attack());
            o.put("defence", c.defence());
            o.put("byzantineFraction", c.byzantineFraction());
            o.put("byzantine", c.byzantine());
            o.putObject("honestAccuracy")
                    .put("mean", c.honestAccuracy().mean())
                    .put("min", c.honestAccuracy().min())
                    .put("max", c.honestAccuracy().max());
            o.put("accepted", c.accepted());
            o.put("rejectedTotal", c.rejectedTotal());
            ObjectNode rej = o.putObject("rejected");
            c.rejected().forEach(rej::put);
            o.put("mixingDeficit", c.mixingDeficit());
            o.put("consensusDistance", c.consensusDistance());
        }
        ArrayNode goals = root.putArray("goals");
        for (Goals.Verdict v : verdicts) {
            ObjectNode g = goals.addObject();
            g.put("attack", v.attack());
            g.put("byzantineFraction", v.fraction());
            g.put("pipeline", v.pipeline());
            g.put("noAttack", v.noAttack());
            if (Double.isNaN(v.tolerance())) g.putNull("tolerance");
            else g.put("tolerance", v.tolerance());
            g.put("bestSingleDefence", v.bestSingle());
            if (Double.isNaN(v.bestSingleAccuracy())) g.putNull("bestSingleAccuracy");
            else g.put("bestSingleAccuracy", v.bestSingleAccuracy());
            g.put("withinNoAttack", v.withinNoAttack());
            g.put("atLeastBestSingle", v.atLeastBestSingle());
            g.put("met", v.met());
        }
        return root;
    }

    /** The base scenario and the plan, as results.json's {@code scenario}. */
    static ObjectNode scenario(MatrixPlan plan) {
        Scenario s = plan.base();
        ObjectNode o = JSON.createObjectNode();
        o.put("name", s.name());
        o.put("seed", s.seed());
        o.put("nodes", s.nodes());
        o.put("rounds", s.rounds());
        o.put("topology", s.topology().format());
        o.put("task", s.task().name());
        o.put("adapter", s.task().adapter());
        o.put("rank", s.task().rank());
        o.put("partition", s.task().partition().toString());
        o.put("localSteps", s.learning().localSteps());
        o.put("gossipSteps", s.learning().gossipSteps());
        o.put("rho", s.learning().rho());
        o.put("lr", s.learning().lr());
        o.put("batchSize", s.learning().batchSize());
        o.put("momentum", s.learning().momentum());
        o.put("placement", s.adversary().placement().format());
        o.put("testSamples", s.evaluation().testSamples());
        ArrayNode f = o.putArray("byzantineFractions");
        plan.fractions().forEach(f::add);
        ArrayNode rows = o.putArray("attacks");
        for (MatrixRow r : plan.rows()) {
            ObjectNode x = rows.addObject().put("name", r.name()).put("spec", r.spec());
            if (r.placement() != null) x.put("placement", r.placement());
        }
        ArrayNode cols = o.putArray("defences");
        for (MatrixColumn c : plan.columns())
            cols.addObject().put("name", c.name()).put("spec", c.spec());
        return o;
    }

    /** results.csv: one line per cell. */
    public String csv() {
        StringBuilder sb = new StringBuilder(
                "attack,defence,byzantineFraction,byzantine,accuracyMean,accuracyMin,accuracyMax,accepted,rejected,"
                        + "mixingDeficit,consensusDistance\n");
        for (CellResult c : cells) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%s,%s,%s,%d,%.6f,%.6f,%.6f,%d,%d,%.6f,%.6g%n",
                    c.attack(),
                    c.defence(),
                    c.byzantineFraction(),
                    c.byzantine(),
                    c.honestAccuracy().mean(),
                    c.honestAccuracy().min(),
                    c.honestAccuracy().max(),
                    c.accepted(),
                    c.rejectedTotal(),
                    c.mixingDeficit(),
                    c.consensusDistance()));
        }
        return sb.toString();
    }

    /** The table: honest mean accuracy (%) per attack and defence, one block per fraction, goal notes at the right. */
    public String table(boolean markdown) {
        StringBuilder sb = new StringBuilder();
        for (double f : plan.fractions()) {
            int byz = MatrixPlan.byzantine(plan.base().nodes(), f);
            sb.append(String.format(
                    Locale.ROOT,
                    "%sByzantine fraction %.0f%% (%d of %d nodes): honest mean test accuracy (%%)%n%n",
                    markdown ? "**" : "",
                    100 * f,
                    byz,
                    plan.base().nodes()));
            if (markdown) sb.setLength(sb.length() - 2);
            if (markdown) sb.append("**\n\n");
            header(sb, markdown);
            for (MatrixRow row : plan.rows()) {
                line(sb, markdown, row, f);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private void header(StringBuilder sb, boolean md) {
        if (md) {
            sb.append("| attack |");
            for (MatrixColumn c : plan.columns())
                sb.append(' ').append(c.label()).append(" |");
            sb.append(" pipeline goal |\n|---|");
            for (int i = 0; i < plan.columns().size(); i++) sb.append("---:|");
            sb.append("---|\n");
        } else {
            sb.append(String.format(Locale.ROOT, "%-16s", "attack"));
            for (MatrixColumn c : plan.columns()) sb.append(String.format(Locale.ROOT, " %8s", abbreviate(c.name())));
            sb.append("  goal\n");
        }
    }

    private void line(StringBuilder sb, boolean md, MatrixRow row, double f) {
        sb.append(md ? "| " + row.label() + " |" : String.format(Locale.ROOT, "%-16s", row.label()));
        for (MatrixColumn c : plan.columns()) {
            OptionalDouble a = Goals.accuracy(cells, row.name(), c.name(), f);
            String v = a.isPresent() ? String.format(Locale.ROOT, "%.1f", 100 * a.getAsDouble()) : "-";
            sb.append(md ? " " + v + " |" : String.format(Locale.ROOT, " %8s", v));
        }
        String note = "";
        for (Goals.Verdict v : verdicts) {
            if (v.attack().equals(row.name()) && v.fraction() == f) note = v.note();
        }
        if (row.isNoAttack()) note = "(baseline)";
        sb.append(md ? " " + note + " |\n" : "  " + note + "\n");
    }

    private static String abbreviate(String name) {
        return switch (name) {
            case "trimmed-mean" -> "trimmed";
            case "clipped-gossip" -> "clipgsp";
            case "pipeline" -> "PIPELINE";
            default -> name.length() > 8 ? name.substring(0, 8) : name;
        };
    }

    /** Writes results.json, results.csv and results.md into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), JSON.writeValueAsString(json()) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("results.csv"), csv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("results.md"), table(true), StandardCharsets.UTF_8);
    }
}
