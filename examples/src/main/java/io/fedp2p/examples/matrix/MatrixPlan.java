package io.fedp2p.examples.matrix;

import io.fedp2p.robustness.attack.AttackSpec;
import io.fedp2p.robustness.defence.DefenceSpec;
import io.fedp2p.sim.scenario.AdversarySettings;
import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.topology.ByzantinePlacement;
import java.util.List;
import java.util.Objects;

/**
 * What {@code fedp2p attack-matrix} runs: one base scenario (task, data, partition, topology, learning settings, seed)
 * and the rows × columns × fractions over it. Every cell changes only the attack, the defence, the Byzantine count
 * and (for rows that need it) the placement, so all cells share one task and compare like with like.
 *
 * @param base the scenario every cell starts from (its own attack, defence and twins are ignored)
 * @param rows attacks, in table order
 * @param columns defences, in table order
 * @param fractions Byzantine fractions, each giving f = round(fraction · n) Byzantine nodes
 */
public record MatrixPlan(Scenario base, List<MatrixRow> rows, List<MatrixColumn> columns, List<Double> fractions) {
    public MatrixPlan {
        Objects.requireNonNull(base, "base");
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        fractions = List.copyOf(fractions);
        if (rows.isEmpty() || columns.isEmpty() || fractions.isEmpty())
            throw new IllegalArgumentException("need at least one attack, one defence and one fraction");
        for (double f : fractions) {
            int byz = byzantine(base.nodes(), f);
            if (byz < 1 || byz >= base.nodes())
                throw new IllegalArgumentException("byzantine fraction " + f + " gives " + byz + " Byzantine of "
                        + base.nodes() + " nodes; need 1.." + (base.nodes() - 1));
        }
    }

    /** f = round(fraction · n), as {@code fedp2p sim --byzantine-fraction} computes it. */
    public static int byzantine(int nodes, double fraction) {
        return (int) Math.round(fraction * nodes);
    }

    /** Number of simulations. */
    public int cells() {
        return rows.size() * columns.size() * fractions.size();
    }

    /** The scenario of one cell. */
    public Scenario cell(MatrixRow row, MatrixColumn column, double fraction) {
        Scenario b = base;
        AdversarySettings a = b.adversary();
        ByzantinePlacement placement =
                row.placement() == null ? a.placement() : ByzantinePlacement.parse(row.placement());
        AdversarySettings adversary = new AdversarySettings(
                AttackSpec.parse(row.spec()),
                byzantine(b.nodes(), fraction),
                placement,
                a.equivocate(),
                a.rushFraction());
        return new Scenario(
                b.name() + " " + row.name() + " × " + column.name() + " @" + fraction,
                b.seed(),
                b.nodes(),
                b.rounds(),
                b.topology(),
                b.task(),
                b.learning(),
                DefenceSpec.parse(column.spec()),
                column.spec(),
                adversary,
                b.network(),
                b.compute(),
                b.churn(),
                b.evaluation(),
                List.of(),
                b.targetAccuracy(),
                b.maxVirtualTime());
    }
}
