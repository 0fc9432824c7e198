package io.fedp2p.node.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.gossip.transport.InMemoryTransport;
import io.fedp2p.gossip.transport.TransportListener;
import io.fedp2p.robustness.attack.AttackSpec;
import io.fedp2p.robustness.defence.DefenceSpec;
import io.fedp2p.robustness.filter.RankVote;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FRL-native mode under attack (ALGORITHMS.md §3.4, §3.9a): malformed rankings are peer faults, a reversing minority
 * cannot move a unanimous honest ranking, and a reversing majority at a node does (the caveat of §3.9a).
 */
class FrlNativeAdversaryTest {
    private static final FrlLayout FRL = FrlNativeEngineTest.frl();
    private static final int D = FrlNativeEngineTest.D;
    private static final EngineConfig CONFIG =
            EngineConfig.defaults(2).withGossipSteps(2).withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(2));

    private static int[][] rankings(String kind) {
        int[] l1 = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        int[] l2 = {3, 2, 1, 0};
        return switch (kind) {
            case "duplicate" -> new int[][] {{0, 0, 2, 3, 4, 5, 6, 7, 8}, l2};
            case "out-of-range" -> new int[][] {{0, 1, 2, 3, 4, 5, 6, 7, 9}, l2};
            case "short-layer" -> new int[][] {{0, 1, 2, 3, 4, 5, 6, 7}, l2};
            case "layer-count" -> new int[][] {l1};
            case "missing" -> null;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0}, wire fidelity {1}")
    @CsvSource({
        "duplicate, false",
        "out-of-range, false",
        "short-layer, false",
        "layer-count, false",
        "missing, false",
        "duplicate, true",
        "short-layer, true",
        "missing, true"
    })
    void aMalformedRankingIsRejectedAndPenalised(String kind, boolean fidelity) {
        // nodes 0 and 1 run engines; node 2 is a rogue peer that sends one hand-made step-0 message to node 0
        SimNetwork sim = new SimNetwork(3, fidelity, FRL.floatDimension());
        sim.link(0, 1);
        sim.link(0, 2);
        float[][] c = SimNetwork.centres(2, D, i -> (float) i);
        for (int i = 0; i < 2; i++) {
            QuadraticCompute compute = new QuadraticCompute(sim.clock, c[i], 2, 0.2f, 0f, 1_000_000L);
            sim.engine(
                    i, CONFIG, DefenceSpec.parse("mean").create(), compute, FrlNativeEngineTest.initial(), null, FRL);
        }
        InMemoryTransport rogue = sim.transports.get(2);
        rogue.start(new TransportListener() {
            @Override
            public void onMessage(PeerId from, ModelMessage message) {}
        });
        float[] head = new float[FRL.floatDimension()];
        ModelMessage m = ModelMessage.withDelta(0, 0, 1, head, head, Double.NaN);
        int[][] r = rankings(kind);
        ModelMessage bad = r == null ? m : m.withRanking(r);

        sim.startAll();
        rogue.send(List.of(sim.ids.get(0)), bad);
        sim.run(1_000_000);

        RecordingEngineListener l = sim.listeners.get(0);
        String roguePeer = sim.ids.get(2).toString();
        PeerOutcome outcome = l.rounds.get(0).outcomes().stream()
                .filter(o -> o.peerId().equals(roguePeer))
                .findFirst()
                .orElseThrow();
        assertThat(outcome.accepted()).isFalse();
        // on the wire a non-permutation never decodes (the transport drops it); every other defect reaches the engine
        boolean caughtByCodec = fidelity && (kind.equals("duplicate") || kind.equals("out-of-range"));
        assertThat(outcome.reason()).isEqualTo(caughtByCodec ? PeerOutcome.SILENT : PeerOutcome.INVALID_RANKING);
        assertThat(l.faults).anySatisfy(f -> assertThat(f).startsWith(roguePeer));
        // the honest neighbour still mixed, and node 0's own rankings stayed permutations
        assertThat(l.rounds.get(0).accepted())
                .extracting(PeerOutcome::peerId)
                .containsExactly(sim.ids.get(1).toString());
        assertThat(FRL.problem(FRL.rankings(l.last().model()))).isNull();
    }

    /**
     * Every honest node trains to the same scores, so honest rankings are unanimous; one attacker reverses its
     * rankings at every step and keeps its head honest, so the defence accepts it and its vote counts (when it
     * equivocates instead, reversed rankings to half its neighbours, it is caught and cut off). On a complete
     * graph of five its weight at every honest node is 1/5 &lt; ½: the vote returns the honest ranking exactly.
     */
    @ParameterizedTest(name = "equivocating attacker: {0}")
    @ValueSource(booleans = {false, true})
    void aReversingMinorityCannotMoveAUnanimousHonestRanking(boolean equivocate) {
        int n = 5;
        SimNetwork sim = new SimNetwork(n, false, FRL.floatDimension());
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) sim.link(i, j);
        float[] target = SimNetwork.centres(1, D, i -> 0f)[0];
        for (int i = 0; i < n; i++) {
            ByzantineRole byz = i == 4
                    ? ByzantineRole.of(AttackSpec.parse("rank-reversal").create(), new SplittableRandom(4))
                            .withEquivocation(equivocate)
                    : null;
            // η = 1: one step lands exactly on the target, whatever the start
            QuadraticCompute compute = new QuadraticCompute(sim.clock, target, 1, 1f, 0f, 1_000_000L);
            sim.engine(
                    i,
                    CONFIG.withRounds(3),
                    DefenceSpec.parse("mean").create(),
                    compute,
                    FrlNativeEngineTest.initial(),
                    byz,
                    FRL);
        }

        sim.startAll();
        sim.run(1_000_000);

        int[][] honest = FRL.rankings(target);
        String attacker = sim.ids.get(4).toString();
        for (int i = 0; i < 4; i++) {
            RecordingEngineListener l = sim.listeners.get(i);
            assertThat(l.rounds).hasSize(3);
            for (RoundResult r : l.rounds) {
                assertThat(FRL.rankings(r.model()))
                        .as("node %d round %d", i, r.round())
                        .isDeepEqualTo(honest);
                if (!equivocate)
                    assertThat(r.accepted()).extracting(PeerOutcome::peerId).contains(attacker);
            }
            if (equivocate) {
                // two signed rankings for one slot: the gossip layer proves it and the attacker is cut off
                assertThat(l.proofs).as("node %d", i).isNotEmpty();
                assertThat(l.proofs)
                        .allSatisfy(pr -> assertThat(pr.offender().toString()).isEqualTo(attacker));
                assertThat(l.last().accepted()).extracting(PeerOutcome::peerId).doesNotContain(attacker);
            }
        }
    }

    /**
     * The caveat of §3.9a: gossip does not keep the malicious weight below ½ in every neighbourhood. Node 0's only
     * neighbours are two reversing attackers (W = 1/3 each, 2/3 together): one vote reverses its ranking.
     */
    @org.junit.jupiter.api.Test
    void aReversingMajorityAtANodeReversesItsRanking() {
        SimNetwork sim = new SimNetwork(3, false, FRL.floatDimension());
        sim.link(0, 1);
        sim.link(0, 2);
        float[] target = SimNetwork.centres(1, D, i -> 0f)[0];
        for (int i = 0; i < 3; i++) {
            ByzantineRole byz = i == 0
                    ? null
                    : ByzantineRole.of(AttackSpec.parse("rank-reversal").create(), new SplittableRandom(i));
            QuadraticCompute compute = new QuadraticCompute(sim.clock, target, 1, 1f, 0f, 1_000_000L);
            sim.engine(
                    i,
                    CONFIG.withRounds(1).withGossipSteps(1),
                    DefenceSpec.parse("mean").create(),
                    compute,
                    FrlNativeEngineTest.initial(),
                    byz,
                    FRL);
        }

        sim.startAll();
        sim.run(1_000_000);

        int[][] honest = FRL.rankings(target);
        int[][] got = FRL.rankings(sim.listeners.get(0).last().model());
        for (int l = 0; l < honest.length; l++) assertThat(got[l]).containsExactly(RankVote.reverse(honest[l]));
    }
}
