package io.fedp2p.examples.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.sim.report.RoundRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoalsTest {
    private static CellResult cell(String attack, String defence, double fraction, double acc) {
        return new CellResult(
                attack,
                defence,
                fraction,
                3,
                new RoundRecord.Stats(acc, acc, acc),
                10,
                new java.util.TreeMap<>(Map.of()),
                0,
                0);
    }

    private static MatrixPlan plan(double fraction) {
        return new MatrixPlan(
                AttackMatrixTest.base(),
                List.of(MatrixRow.of("none"), MatrixRow.of("alie")),
                List.of(MatrixColumn.of("mean"), MatrixColumn.of("krum"), MatrixColumn.of("pipeline")),
                List.of(fraction));
    }

    @Test
    void theToleranceIsThreePointsAtTwentyPercentAndFiveAtThirty() {
        assertThat(Goals.tolerance(0.2)).isEqualTo(0.03);
        assertThat(Goals.tolerance(0.3)).isEqualTo(0.05);
        assertThat(Goals.tolerance(0.4)).isNaN();
    }

    @Test
    void aPipelineCloseToNoAttackAndAboveEveryDefenceMeetsTheGoal() {
        List<CellResult> cells = List.of(
                cell("none", "pipeline", 0.2, 0.80),
                cell("alie", "pipeline", 0.2, 0.78),
                cell("alie", "krum", 0.2, 0.70),
                cell("alie", "mean", 0.2, 0.90));
        Goals.Verdict v = Goals.check(plan(0.2), cells).get(0);
        assertThat(v.met()).isTrue();
        assertThat(v.bestSingle()).as("the undefended mean is not a defence").isEqualTo("krum");
        assertThat(v.note()).isEqualTo("ok");
    }

    @Test
    void shortfallsAreNamed() {
        List<CellResult> cells = List.of(
                cell("none", "pipeline", 0.2, 0.80),
                cell("alie", "pipeline", 0.2, 0.70),
                cell("alie", "krum", 0.2, 0.75));
        Goals.Verdict v = Goals.check(plan(0.2), cells).get(0);
        assertThat(v.withinNoAttack()).isFalse();
        assertThat(v.atLeastBestSingle()).isFalse();
        assertThat(v.note()).isEqualTo("10.0 pts under no-attack; 5.0 pts under krum");
    }
}
