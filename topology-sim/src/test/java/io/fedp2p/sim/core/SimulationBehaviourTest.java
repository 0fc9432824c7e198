package io.fedp2p.sim.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.sim.report.RoundRecord;
import io.fedp2p.sim.scenario.ChurnEvent;
import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.scenario.Twin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the simulator's models do to a run: virtual time, Byzantine nodes, loss, stragglers, churn, limits. */
class SimulationBehaviourTest {
    private static RoundRecord last(SimulationResult r) {
        return r.rounds().get(r.rounds().size() - 1);
    }

    @Test
    void virtualTimeIsTrainingPlusLatencyPerRound() {
        // K = 5 steps of 50 ms (SGD), then one gossip step over 10 ms links with unlimited bandwidth: 260 ms a round
        SimulationResult sgd = VectorRuns.run(
                VectorRuns.scenario("rho", "0", "gossip-steps", "1", "network.bandwidth", "inf", "defence", "mean"));
        assertThat(sgd.virtualSeconds()).isEqualTo(6 * 0.26);
        assertThat(sgd.rounds().get(0).virtualSeconds()).isEqualTo(0.26);
        // SAM doubles the training time; Q = 3 adds two more exchanges
        SimulationResult sam =
                VectorRuns.run(VectorRuns.scenario("gossip-steps", "3", "network.bandwidth", "inf", "defence", "mean"));
        assertThat(sam.virtualSeconds()).isCloseTo(6 * 0.53, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void honestNodesLearnAndTheMeanAccuracyIsTheMeanOverHonestNodes() {
        SimulationResult r = VectorRuns.run(VectorRuns.scenario());
        assertThat(r.rounds()).hasSize(6);
        // 10 classes (chance 0.1); the pipeline mixes from round 0 on, so round 0 is already far above chance
        assertThat(last(r).accuracy().mean())
                .isGreaterThan(r.rounds().get(0).accuracy().mean())
                .isGreaterThan(0.7);
        assertThat(last(r).accuracy().min())
                .isLessThanOrEqualTo(last(r).accuracy().mean());
        assertThat(last(r).completed()).isEqualTo(12);
        assertThat(last(r).accepted() + last(r).rejectedTotal()).isEqualTo(12 * 4); // one outcome per neighbour
    }

    @Test
    void thePipelineAcceptsMostHonestNeighboursOnDirichletSkewedData() {
        // Bristle's familiar classes are every class a node holds (ALGORITHMS.md §2.3): a neighbour trained on other
        // classes is scored where it is strong too, so hard mode keeps most honest neighbours (12 nodes × 4 messages)
        SimulationResult r = VectorRuns.run(VectorRuns.scenario());
        for (RoundRecord rec : r.rounds()) assertThat(rec.accepted()).isGreaterThanOrEqualTo(36);
    }

    @Test
    void byzantineNodesCountOnlyInBytes() {
        SimulationResult r = VectorRuns.run(VectorRuns.scenario("attack", "sign-flip", "byzantine", "3"));
        assertThat(r.start().byzantine()).hasSize(3);
        for (RoundRecord rec : r.rounds()) assertThat(rec.completed()).isEqualTo(9);
        SimulationResult none = VectorRuns.run(VectorRuns.scenario("byzantine", "3"));
        assertThat(none.start().byzantine()).isEqualTo(r.start().byzantine()); // same placement
    }

    @Test
    void anAttackWithoutDefenceHurtsAndTheTwinShowsIt() {
        Scenario s = VectorRuns.scenario(
                "attack", "ipm:epsilon=4", "byzantine", "3", "defence", "mean", "rounds", "8", "seed", "3");
        SimulationResult attacked = VectorRuns.run(s);
        SimulationResult clean = VectorRuns.run(s.twin(Twin.NO_ATTACK));
        assertThat(last(attacked).accuracy().mean())
                .isLessThan(last(clean).accuracy().mean() - 0.1);
    }

    @Test
    void dissensusGetsTheTargetsViewAndPushesHonestModelsApart() {
        Scenario s = VectorRuns.scenario("attack", "dissensus", "byzantine", "3", "defence", "mean", "seed", "4");
        SimulationResult attacked = VectorRuns.run(s);
        SimulationResult clean = VectorRuns.run(s.twin(Twin.NO_ATTACK));
        assertThat(last(attacked).consensusDistance())
                .isGreaterThan(2 * last(clean).consensusDistance());
    }

    @Test
    void lossLeavesNeighboursSilentAndCostsTimeouts() {
        SimulationResult lossy = VectorRuns.run(VectorRuns.scenario("network.loss", "0.2", "defence", "mean"));
        SimulationResult clean = VectorRuns.run(VectorRuns.scenario("defence", "mean"));
        assertThat(lossy.work().messagesLost()).isPositive();
        assertThat(lossy.rounds().stream()
                        .mapToLong(r -> r.rejected().getOrDefault("silent", 0L))
                        .sum())
                .isPositive();
        assertThat(last(lossy).mixingDeficit()).isGreaterThan(last(clean).mixingDeficit());
        assertThat(lossy.virtualSeconds()).isGreaterThan(clean.virtualSeconds() + 10); // at least one step timeout
    }

    @Test
    void stragglersAndSlowNodesStretchTheRounds() {
        double base = VectorRuns.run(VectorRuns.scenario()).virtualSeconds();
        double slow = VectorRuns.run(
                        VectorRuns.scenario("compute.stragglers.fraction", "0.3", "compute.stragglers.slowdown", "8"))
                .virtualSeconds();
        double mixed = VectorRuns.run(VectorRuns.scenario("compute.heterogeneity", "0.5"))
                .virtualSeconds();
        assertThat(slow).isGreaterThan(base * 2);
        assertThat(mixed).isGreaterThan(base);
    }

    @Test
    void moreGossipStepsAndALargerSpectralGapBringHonestModelsCloser() {
        double q1 = last(VectorRuns.run(VectorRuns.scenario("gossip-steps", "1", "defence", "mean")))
                .consensusDistance();
        double q4 = last(VectorRuns.run(VectorRuns.scenario("gossip-steps", "4", "defence", "mean")))
                .consensusDistance();
        assertThat(q4).isLessThan(q1 / 2);
        SimulationResult ring =
                VectorRuns.run(VectorRuns.scenario("topology", "ring", "gossip-steps", "1", "defence", "mean"));
        SimulationResult rr = VectorRuns.run(VectorRuns.scenario("gossip-steps", "1", "defence", "mean"));
        assertThat(rr.start().spectralGap().gap())
                .isGreaterThan(ring.start().spectralGap().gap());
        assertThat(last(rr).consensusDistance()).isLessThan(last(ring).consensusDistance());
    }

    @Test
    void crashedNodesComeBackAndLateJoinersJoin() {
        List<String> churn = new ArrayList<>();
        SimulationListener l = new SimulationListener() {
            @Override
            public void onChurn(double t, ChurnEvent.Kind kind, boolean back, List<Integer> nodes) {
                churn.add(kind.key() + (back ? "-back" : "") + ":" + nodes.size());
            }
        };
        Scenario s = VectorRuns.scenarioYaml(
                """
                nodes: 16
                rounds: 8
                churn:
                  - {round: 2, crash: 3, downtime: 1s}
                  - {round: 4, join: 2}
                """);
        SimulationResult r = VectorRuns.run(s, 1, l);
        assertThat(churn).containsExactly("crash:3", "crash-back:3", "join:2");
        assertThat(r.start().lateJoiners()).hasSize(2);
        assertThat(r.rounds().get(0).alive()).isEqualTo(14);
        assertThat(r.rounds().stream().mapToInt(RoundRecord::alive).min().orElseThrow())
                .isLessThan(14);
        assertThat(last(r).alive()).isEqualTo(16);
        assertThat(last(r).completed()).isEqualTo(16);
    }

    @Test
    void aNodeBackFromACrashNeverSignsASecondMessageForASignedSlot() {
        // rounds take 0.53 s: 0.5 s of training, then three exchanges; the crash hits after the step-0 messages
        Scenario s = VectorRuns.scenarioYaml(
                """
                nodes: 16
                rounds: 6
                churn:
                  - {at: 0.515s, crash: 4, downtime: 0.01s}
                """,
                "network.bandwidth",
                "inf");
        SimulationResult r = VectorRuns.run(s);
        assertThat(r.work().equivocations()).isZero();
        assertThat(last(r).completed()).isEqualTo(16);
        assertThat(r.virtualSeconds()).isLessThan(60); // nobody was banned (bans last a day)
    }

    @Test
    void nodesThatLeaveStayGone() {
        Scenario s = VectorRuns.scenarioYaml(
                """
                nodes: 16
                rounds: 6
                churn:
                  - {at: 0.6s, leave: 4}
                """);
        SimulationResult r = VectorRuns.run(s);
        assertThat(r.rounds().get(0).completed()).isEqualTo(16);
        assertThat(last(r).alive()).isEqualTo(12);
        assertThat(last(r).completed()).isEqualTo(12);
    }

    @Test
    void theVirtualTimeLimitStopsTheRun() {
        SimulationResult r = VectorRuns.run(VectorRuns.scenario("max-virtual-time", "1.2s"));
        assertThat(r.rounds().size()).isBetween(1, 5);
    }
}
