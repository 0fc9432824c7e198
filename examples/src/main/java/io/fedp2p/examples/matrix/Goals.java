package io.fedp2p.examples.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The goals for the full pipeline, checked row by row: honest mean accuracy within 3 points of the no-attack
 * run at 20% Byzantine (5 points at 30%), and at least as good as the best single defence of the row. "Single
 * defence" means every column except {@code pipeline} and the undefended {@code mean}. Rows where the pipeline falls
 * short say so; nothing is tuned away.
 */
public final class Goals {
    private Goals() {}

    /**
     * The verdict of one row at one fraction.
     *
     * @param attack the row
     * @param fraction the Byzantine fraction
     * @param pipeline honest mean accuracy of the pipeline
     * @param noAttack the pipeline's no-attack accuracy at this fraction
     * @param tolerance allowed drop (0.03 or 0.05), NaN when the issue sets none for this fraction
     * @param bestSingle name of the best single defence of the row (null when the plan has none)
     * @param bestSingleAccuracy its accuracy (NaN when none)
     */
    public record Verdict(
            String attack,
            double fraction,
            double pipeline,
            double noAttack,
            double tolerance,
            String bestSingle,
            double bestSingleAccuracy) {
        /** Within the tolerance of the no-attack run (true when no tolerance applies). */
        public boolean withinNoAttack() {
            return Double.isNaN(tolerance) || pipeline >= noAttack - tolerance - 1e-12;
        }

        /** At least as good as the best single defence (true when there is none). */
        public boolean atLeastBestSingle() {
            return bestSingle == null || pipeline >= bestSingleAccuracy - 1e-12;
        }

        public boolean met() {
            return withinNoAttack() && atLeastBestSingle();
        }

        /** A short note for the table: {@code ok}, or what falls short. */
        public String note() {
            List<String> s = new ArrayList<>();
            if (!withinNoAttack())
                s.add(String.format(java.util.Locale.ROOT, "%.1f pts under no-attack", 100 * (noAttack - pipeline)));
            if (!atLeastBestSingle())
                s.add(String.format(
                        java.util.Locale.ROOT, "%.1f pts under %s", 100 * (bestSingleAccuracy - pipeline), bestSingle));
            return s.isEmpty() ? "ok" : String.join("; ", s);
        }
    }

    /** The tolerance for a fraction: 3 points up to 20%, 5 points up to 30%, none above. */
    public static double tolerance(double fraction) {
        if (fraction <= 0.2 + 1e-9) return 0.03;
        if (fraction <= 0.3 + 1e-9) return 0.05;
        return Double.NaN;
    }

    // SPEC-GAP: the issue asks for "at least as good as the best single defence in every row" without naming the
    // single defences; fedp2p counts every column except the pipeline and the undefended mean, and compares with the
    // pipeline's own no-attack cell at the same fraction (the Byzantine nodes follow the protocol there).
    /** Verdicts for every attack row of every fraction, when the plan has the pipeline and the no-attack row. */
    public static List<Verdict> check(MatrixPlan plan, List<CellResult> cells) {
        List<Verdict> out = new ArrayList<>();
        for (double f : plan.fractions()) {
            OptionalDouble noAttack = accuracy(cells, "none", "pipeline", f);
            if (noAttack.isEmpty()) continue;
            for (MatrixRow row : plan.rows()) {
                if (row.isNoAttack()) continue;
                OptionalDouble p = accuracy(cells, row.name(), "pipeline", f);
                if (p.isEmpty()) continue;
                String best = null;
                double bestAcc = Double.NaN;
                for (MatrixColumn c : plan.columns()) {
                    if (c.isPipeline() || c.isNoDefence()) continue;
                    OptionalDouble a = accuracy(cells, row.name(), c.name(), f);
                    if (a.isPresent() && (best == null || a.getAsDouble() > bestAcc)) {
                        best = c.name();
                        bestAcc = a.getAsDouble();
                    }
                }
                out.add(new Verdict(
                        row.name(), f, p.getAsDouble(), noAttack.getAsDouble(), tolerance(f), best, bestAcc));
            }
        }
        return out;
    }

    static OptionalDouble accuracy(List<CellResult> cells, String attack, String defence, double fraction) {
        for (CellResult c : cells) {
            if (c.attack().equals(attack) && c.defence().equals(defence) && c.byzantineFraction() == fraction)
                return OptionalDouble.of(c.honestAccuracy().mean());
        }
        return OptionalDouble.empty();
    }
}
