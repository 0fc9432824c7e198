package io.fedp2p.sim.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.sim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The same scenario and seed give a byte-identical summary.json, whatever the thread count. */
class SimulationDeterminismTest {
    /** Everything that draws random numbers at once: latency jitter, loss, stragglers, churn, an attack, twins. */
    private static Scenario busy(String seed) {
        return VectorRuns.scenario(
                "seed", seed,
                "network.latency", "lognormal:20ms:0.5",
                "network.loss", "0.02",
                "network.bandwidth", "10Mbit/s",
                "compute.heterogeneity", "0.3",
                "compute.stragglers.fraction", "0.2",
                "compute.stragglers.slowdown", "5",
                "attack", "alie",
                "byzantine", "2",
                "twins", "no-attack,no-defence");
    }

    @Test
    void sameSeedSameBytes() {
        String a = VectorRuns.summary(busy("5"), 1);
        String b = VectorRuns.summary(busy("5"), 1);
        assertThat(a).isEqualTo(b);
        assertThat(a).contains("\"noAttackAccuracy\"").contains("\"noDefenceAccuracy\"");
    }

    @Test
    void threadCountDoesNotChangeAByte() {
        assertThat(VectorRuns.summary(busy("6"), 2)).isEqualTo(VectorRuns.summary(busy("6"), 1));
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        assertThat(VectorRuns.summary(busy("7"), 1)).isNotEqualTo(VectorRuns.summary(busy("8"), 1));
    }

    @Test
    void churnRunsAreReproducibleToo() {
        String yaml =
                """
                nodes: 16
                rounds: 8
                churn:
                  - {round: 2, crash: 3, downtime: 2s}
                  - {round: 3, join: 2}
                  - {at: 1.5s, leave: 1}
                """;
        assertThat(VectorRuns.summary(VectorRuns.scenarioYaml(yaml), 2))
                .isEqualTo(VectorRuns.summary(VectorRuns.scenarioYaml(yaml), 1));
    }
}
