package io.fedp2p.examples.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.node.train.Task;
import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.scenario.ScenarioReader;
import io.fedp2p.sim.task.SimTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small matrix on the simulator's vector task (no native library): shape, determinism, what the cells measure. */
class AttackMatrixTest {
    @TempDir
    Path dir;

    static Scenario base() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("task", "vector");
        o.put("nodes", "10");
        o.put("rounds", "4");
        o.put("topology", "random-regular:4");
        o.put("partition", "dirichlet:0.5");
        o.put("local-steps", "5");
        o.put("batch-size", "16");
        o.put("lr", "0.2");
        o.put("seed", "3");
        return ScenarioReader.read(null, o);
    }

    static MatrixPlan plan() {
        return new MatrixPlan(
                base(),
                List.of(MatrixRow.of("none"), MatrixRow.of("sign-flip:s=8"), MatrixRow.of("label-flip")),
                List.of(MatrixColumn.of("mean"), MatrixColumn.of("median"), MatrixColumn.of("pipeline")),
                List.of(0.2));
    }

    private static List<CellResult> once;

    /** One run of {@link #plan()}, shared by the tests that only read it. */
    static synchronized List<CellResult> shared() {
        if (once == null) once = run(plan());
        return once;
    }

    static List<CellResult> run(MatrixPlan plan) {
        try (Task task = SimTasks.create(plan.base(), (d, t, m) -> {})) {
            return new MatrixRunner(plan, task, 2).run(new MatrixRunner.Progress() {
                @Override
                public void cellStarted(int index, int total, MatrixRow row, MatrixColumn column, double f) {}

                @Override
                public void cellFinished(int index, int total, CellResult result, double wallSeconds) {}
            });
        }
    }

    @Test
    void everyCellRunsOnceAndTheSameSeedWritesTheSameFiles() throws Exception {
        MatrixPlan plan = plan();
        List<CellResult> first = shared();
        assertThat(first).hasSize(9);
        assertThat(first.get(0).byzantine()).isEqualTo(2);
        new MatrixReport(plan, "test", first).write(dir.resolve("a"));
        new MatrixReport(plan, "test", run(plan)).write(dir.resolve("b"));
        for (String f : List.of("results.json", "results.csv", "results.md")) {
            assertThat(Files.readString(dir.resolve("a").resolve(f)))
                    .as(f)
                    .isEqualTo(Files.readString(dir.resolve("b").resolve(f)));
        }
        String json = Files.readString(dir.resolve("a").resolve("results.json"));
        assertThat(json).contains("\"attack\" : \"none\"").contains("\"defence\" : \"pipeline\"");
        assertThat(json).contains("\"honestAccuracy\"").contains("\"byzantineFraction\" : 0.2");
    }

    @Test
    void aStrongSignFlipHurtsTheMeanAndTheNoAttackRowAcceptsEverything() {
        List<CellResult> cells = shared();
        double clean = Goals.accuracy(cells, "none", "mean", 0.2).getAsDouble();
        double attacked = Goals.accuracy(cells, "sign-flip", "mean", 0.2).getAsDouble();
        assertThat(attacked).isLessThan(clean - 0.05);
        CellResult noAttackMean = cells.get(0);
        assertThat(noAttackMean.rejectedTotal()).isZero();
        assertThat(noAttackMean.accepted()).isPositive();
    }

    @Test
    void fractionsThatLeaveNoByzantineOrNoHonestNodeAreRefused() {
        assertThatThrownBy(() -> new MatrixPlan(base(), MatrixRow.DEFAULTS, MatrixColumn.DEFAULTS, List.of(0.01)))
                .hasMessageContaining("gives 0 Byzantine");
    }

    @Test
    void theDefaultRowsAndColumnsAreTheIssues() {
        assertThat(MatrixRow.DEFAULTS).hasSize(14);
        assertThat(MatrixColumn.DEFAULTS).hasSize(10);
        assertThat(MatrixRow.DEFAULTS.get(0).isNoAttack()).isTrue();
        assertThat(MatrixColumn.DEFAULTS.get(9).isPipeline()).isTrue();
        assertThat(MatrixRow.of("bait-and-switch").spec()).isEqualTo("bait-and-switch");
    }
}
