package io.fedp2p.node.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.attack.AttackSpec;
import io.fedp2p.robustness.defence.Defence;
import io.fedp2p.robustness.defence.DefenceSpec;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Deadlines, mixing deficit, attackers, equivocation, catch-up and resume on the in-memory transport. */
class EngineBehaviourTest {
    private static final int D = 6;
    private static final EngineConfig CONFIG =
            EngineConfig.defaults(4).withGossipSteps(2).withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(2));

    private static Defence mean() {
        return DefenceSpec.parse("mean").create();
    }

    private static QuadraticCompute compute(SimNetwork sim, float[] c) {
        return new QuadraticCompute(sim.clock, c, 3, 0.2f, 0.01f, 1_000_000L);
    }

    @Test
    void aSilentNeighboursWeightGoesToSelfAndCountsAsDeficit() {
        // 0–1–2 path plus 0–2; node 2 is connected but never runs an engine
        SimNetwork sim = new SimNetwork(3, false, D);
        sim.link(0, 1);
        sim.link(1, 2);
        sim.link(0, 2);
        float[][] c = SimNetwork.centres(3, D, i -> (float) i);
        for (int i = 0; i < 2; i++) sim.engine(i, CONFIG, mean(), compute(sim, c[i]), new float[D], null);

        sim.startAll();
        sim.run(100_000);

        RoundResult r = sim.listeners.get(0).rounds.get(0);
        // degrees 2 everywhere: W = 1/3 per neighbour; node 2 silent at both steps
        assertThat(r.stepDeficits()).containsExactly(1.0 / 3, 1.0 / 3);
        assertThat(r.rejected()).singleElement().satisfies(o -> {
            assertThat(o.peerId()).isEqualTo(sim.ids.get(2).toString());
            assertThat(o.reason()).isEqualTo(PeerOutcome.SILENT);
        });
        assertThat(r.accepted())
                .extracting(PeerOutcome::peerId)
                .containsExactly(sim.ids.get(1).toString());
        // the step-0 wait ended at the exchange timeout, step 1 at the step timeout
        // step 0 waited for the exchange timeout; at step 1 node 2 is outside A_i and nobody waits for it
        assertThat(r.roundNanos())
                .isBetween(
                        Duration.ofSeconds(10).toNanos(), Duration.ofSeconds(11).toNanos());
        assertThat(sim.listeners.get(0).rounds).hasSize(4);
    }

    @Test
    void theDefaultPipelineRejectsAScalingAttackerAndHonestNodesStayTogether() {
        int n = 6;
        SimNetwork sim = new SimNetwork(n, false, D);
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) sim.link(i, j);
        float[][] c = SimNetwork.centres(n, D, i -> 1f);
        Defence pipeline = DefenceSpec.parse("pipeline").create();
        for (int i = 0; i < n; i++) {
            ByzantineRole byz = i == 5
                    ? ByzantineRole.of(AttackSpec.parse("sign-flip:s=100").create(), new SplittableRandom(9))
                    : null;
            sim.engine(i, CONFIG.withRounds(6), pipeline, compute(sim, c[i]), new float[D], byz);
        }

        sim.startAll();
        sim.run(1_000_000);

        String attacker = sim.ids.get(5).toString();
        for (int i = 0; i < 5; i++) {
            for (RoundResult r : sim.listeners.get(i).rounds) {
                assertThat(r.accepted()).extracting(PeerOutcome::peerId).doesNotContain(attacker);
            }
            for (float v : sim.listeners.get(i).last().model())
                assertThat(Math.abs(v)).isLessThan(10f);
            // invalid messages cost 25 points each: after four it is banned and no longer a neighbour
            List<RoundResult> rounds = sim.listeners.get(i).rounds;
            for (int t = 0; t < 4; t++) {
                assertThat(rounds.get(t).rejected())
                        .filteredOn(o -> o.peerId().equals(attacker))
                        .extracting(PeerOutcome::reason)
                        .containsExactly("validation-norm");
            }
            assertThat(rounds.get(5).outcomes()).extracting(PeerOutcome::peerId).doesNotContain(attacker);
        }
    }

    @Test
    void anEquivocatingAttackerIsBannedByItsNeighbours() {
        int n = 4;
        SimNetwork sim = new SimNetwork(n, true, D);
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) sim.link(i, j);
        float[][] c = SimNetwork.centres(n, D, i -> 1f);
        for (int i = 0; i < n; i++) {
            ByzantineRole byz = i == 3
                    ? ByzantineRole.of(AttackSpec.parse("gaussian:sigma=0.1").create(), new SplittableRandom(9))
                            .withEquivocation(true)
                    : null;
            sim.engine(i, CONFIG.withRounds(2), mean(), compute(sim, c[i]), new float[D], byz);
        }

        sim.startAll();
        sim.clock.runUntil(Duration.ofSeconds(60).toNanos());

        PeerId attacker = sim.ids.get(3);
        for (int i = 0; i < 3; i++) {
            assertThat(sim.transports.get(i).isBanned(attacker))
                    .as("node %d bans the attacker", i)
                    .isTrue();
            assertThat(sim.listeners.get(i).proofs).isNotEmpty();
        }
        assertThat(sim.network.neighbours(attacker)).isEmpty();
    }

    @Test
    void runsAreDeterministicForOneSeed() {
        float[] first = lossyRun();
        float[] second = lossyRun();

        assertThat(first).containsExactly(second);
    }

    private static float[] lossyRun() {
        SimNetwork sim = new SimNetwork(4, false, D);
        for (int i = 0; i < 4; i++) sim.link(i, (i + 1) % 4);
        float[][] c = SimNetwork.centres(4, D, i -> (float) i);
        Defence pipeline = DefenceSpec.parse("pipeline").create();
        for (int i = 0; i < 4; i++) {
            sim.engine(
                    i,
                    CONFIG,
                    pipeline,
                    new QuadraticCompute(sim.clock, c[i], 3, 0.2f, 0.01f, 1_000_000L * (5 - i)),
                    new float[D],
                    null);
        }
        sim.startAll();
        sim.run(1_000_000);
        return sim.listeners.get(0).last().model();
    }

    @Test
    void aNodeFarBehindJumpsToItsNeighboursRoundAndResumesFromItsState() {
        SimNetwork sim = new SimNetwork(3, false, D);
        sim.link(0, 1);
        sim.link(1, 2);
        sim.link(0, 2);
        float[][] c = SimNetwork.centres(3, D, i -> (float) i);
        EngineConfig unlimited = CONFIG.withRounds(0);
        for (int i = 0; i < 2; i++)
            sim.engine(
                    i,
                    unlimited,
                    mean(),
                    new QuadraticCompute(sim.clock, c[i], 3, 0.2f, 0.01f, 100_000_000L),
                    new float[D],
                    null);
        sim.startAll();
        sim.clock.runUntil(Duration.ofSeconds(200).toNanos()); // nodes 0 and 1 run many rounds, node 2 silent
        long ahead = sim.engines.get(0).round();
        assertThat(ahead).isGreaterThan(5);

        float[] resumeModel = {1, 2, 3, 4, 5, 6};
        RecordingEngineListener l = new RecordingEngineListener();
        RoundEngine late2 = RoundEngine.builder()
                .clock(sim.clock)
                .transport(sim.transports.get(2))
                .compute(new QuadraticCompute(sim.clock, c[2], 3, 0.2f, 0.01f, 100_000_000L))
                .defence(mean())
                .rng(new SplittableRandom(3))
                .listener(l)
                .config(unlimited)
                .model(resumeModel)
                .resume(2, RobustnessState.initial(), null)
                .build();
        assertThat(late2.round()).isEqualTo(2);
        late2.start();
        sim.clock.runUntil(sim.clock.nanos() + Duration.ofSeconds(15).toNanos());

        assertThat(l.catchUps).isNotEmpty();
        assertThat(l.catchUps.get(0)[0]).isEqualTo(2);
        assertThat(l.catchUps.get(0)[1]).isGreaterThanOrEqualTo(ahead);
        assertThat(l.rounds).isNotEmpty();
        assertThat(l.rounds.get(0).round()).isGreaterThanOrEqualTo(ahead);
        // it signed round 2 before it heard anyone, then nothing until the neighbours' round
        assertThat(l.signed.get(0)).isEqualTo(2L);
        assertThat(l.signed.get(1)).isGreaterThanOrEqualTo(ahead);
        sim.engines.forEach(RoundEngine::stop);
        late2.stop();
    }

    @Test
    void waitsForItsMinimumNeighboursBeforeTheFirstRound() {
        SimNetwork sim = new SimNetwork(2, false, D);
        float[][] c = SimNetwork.centres(2, D, i -> (float) i);
        QuadraticCompute c0 = compute(sim, c[0]);
        sim.engine(0, CONFIG.withMinNeighbours(1), mean(), c0, new float[D], null);
        sim.engine(1, CONFIG.withMinNeighbours(1), mean(), compute(sim, c[1]), new float[D], null);
        sim.startAll();
        sim.clock.runUntil(Duration.ofSeconds(30).toNanos());
        assertThat(c0.calls).isZero();

        sim.link(0, 1);
        sim.run(1_000_000);

        assertThat(sim.listeners.get(0).rounds).hasSize(4);
        assertThat(sim.listeners.get(0).last().mixingDeficit()).isZero();
    }

    @Test
    void aNodeOneRoundBehindRelabelsItsTrainingInsteadOfLeapfrogging() {
        // nodes 0 and 1 are in round 5 after a restart of node 1 that resumed at round 4
        SimNetwork sim = new SimNetwork(2, false, D);
        sim.link(0, 1);
        float[][] c = SimNetwork.centres(2, D, i -> (float) i);
        EngineConfig config = CONFIG.withRounds(8);
        RecordingEngineListener l0 = new RecordingEngineListener();
        RecordingEngineListener l1 = new RecordingEngineListener();
        RoundEngine e0 = RoundEngine.builder()
                .clock(sim.clock)
                .transport(sim.transports.get(0))
                .compute(compute(sim, c[0]))
                .defence(mean())
                .rng(new SplittableRandom(1))
                .listener(l0)
                .config(config)
                .model(new float[D])
                .resume(5, RobustnessState.initial(), null)
                .build();
        RoundEngine e1 = RoundEngine.builder()
                .clock(sim.clock)
                .transport(sim.transports.get(1))
                .compute(new QuadraticCompute(sim.clock, c[1], 3, 0.2f, 0.01f, 5_000_000L))
                .defence(mean())
                .rng(new SplittableRandom(2))
                .listener(l1)
                .config(config)
                .model(new float[D])
                .resume(4, RobustnessState.initial(), null)
                .build();
        sim.clock.runUntilIdle(100);
        e0.start();
        e1.start();

        sim.clock.runUntil(Duration.ofSeconds(5).toNanos());

        // no exchange timeout was needed: every round of both nodes mixed with the other
        assertThat(l1.rounds).extracting(RoundResult::round).containsExactly(5L, 6L, 7L);
        assertThat(l0.rounds).extracting(RoundResult::round).containsExactly(5L, 6L, 7L);
        for (RoundResult r : l0.rounds) assertThat(r.mixingDeficit()).isZero();
        assertThat(l1.catchUps).hasSize(1);
    }

    @Test
    void anRfflRemovalCutsTheLinkSoThatNeitherSideWaits() {
        // a free-rider that sends its round-start model (zero update) among three honest nodes, complete graph
        int n = 4;
        SimNetwork sim = new SimNetwork(n, false, D);
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) sim.link(i, j);
        float[][] c = new float[n][D]; // the same data everywhere: honest updates agree, only the free-rider's does not
        for (int i = 0; i < n; i++) for (int e = 0; e < D; e++) c[i][e] = 2f + 0.37f * e;
        Defence rffl = DefenceSpec.parse("rffl").create();
        for (int i = 0; i < n; i++) {
            ByzantineRole byz =
                    i == 3 ? ByzantineRole.of(AttackSpec.parse("free-rider").create(), new SplittableRandom(5)) : null;
            sim.engine(i, CONFIG.withRounds(16), rffl, compute(sim, c[i]), new float[D], byz);
        }

        sim.startAll();
        sim.clock.runUntil(Duration.ofMinutes(30).toNanos());

        PeerId freeRider = sim.ids.get(3);
        for (int i = 0; i < 3; i++) {
            List<RoundResult> rounds = sim.listeners.get(i).rounds;
            assertThat(rounds).hasSize(16);
            // removed after the grace period of 10 rounds, then cut off: later rounds wait for nobody
            assertThat(rounds.get(15).outcomes())
                    .extracting(PeerOutcome::peerId)
                    .doesNotContain(freeRider.toString());
            assertThat(rounds.get(15).roundNanos())
                    .isLessThan(Duration.ofSeconds(1).toNanos());
            assertThat(rounds.get(15).degree()).isEqualTo(2);
        }
    }
}
