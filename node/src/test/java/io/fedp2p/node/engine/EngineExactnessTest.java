package io.fedp2p.node.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.robustness.defence.DefenceSpec;
import io.fedp2p.robustness.defence.GuardConfig;
import io.fedp2p.robustness.defence.PipelineConfig;
import io.fedp2p.robustness.defence.RobustPipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ALGORITHMS.md §8 properties on the in-memory transport: with every filter off and no attacker the engine computes
 * DFedSAM-MGS exactly as written in §1.1; with Q = 1 and ρ = 0 it is gossip-averaged local SGD.
 */
class EngineExactnessTest {
    private static final int N = 5;
    private static final int D = 7;
    private static final int[][] EDGES = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}, {0, 2}};

    private static List<List<Integer>> adjacency() {
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < N; i++) adj.add(new ArrayList<>());
        for (int[] e : EDGES) {
            adj.get(e[0]).add(e[1]);
            adj.get(e[1]).add(e[0]);
        }
        return adj;
    }

    /** z_i ← Σ_j W[i][j] z_j with Metropolis weights; self first, then neighbours in peer-key order, in double. */
    private static float[][] mix(float[][] z, List<List<Integer>> adj, List<PeerId> ids) {
        float[][] out = new float[N][];
        for (int i = 0; i < N; i++) {
            List<Integer> ns = new ArrayList<>(adj.get(i));
            ns.sort(Comparator.comparing(j -> ids.get(j).toString()));
            double[] w = new double[ns.size()];
            double self = 1;
            for (int k = 0; k < ns.size(); k++) {
                w[k] = 1.0 / (1 + Math.max(adj.get(i).size(), adj.get(ns.get(k)).size()));
                self -= w[k];
            }
            out[i] = new float[D];
            for (int e = 0; e < D; e++) {
                double acc = self * z[i][e];
                for (int k = 0; k < ns.size(); k++) acc += w[k] * z[ns.get(k)][e];
                out[i][e] = (float) acc;
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}, Q={1}, rho={2}, wire fidelity {3}")
    @CsvSource({
        "pipeline, 4, 0.01, false",
        "pipeline, 4, 0.01, true",
        "mean, 3, 0.05, false",
        "pipeline, 1, 0, false",
        "mean, 1, 0, true"
    })
    void engineEqualsDfedsamMgsComputedDirectly(String defence, int q, float rho, boolean fidelity) {
        int rounds = 3;
        int k = 5;
        float eta = 0.1f;
        SimNetwork sim = new SimNetwork(N, fidelity, D);
        for (int[] e : EDGES) sim.link(e[0], e[1]);
        float[][] c = SimNetwork.centres(N, D, i -> 1f + i);
        float[] x0 = new float[D];
        var spec = defence.equals("pipeline")
                ? new RobustPipeline(PipelineConfig.NO_FILTERS.withGuard(GuardConfig.DEFAULTS.withDelta(0)))
                : DefenceSpec.parse("mean").create();
        EngineConfig config = EngineConfig.defaults(rounds)
                .withGossipSteps(q)
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(5));
        for (int i = 0; i < N; i++) {
            sim.engine(
                    i,
                    config,
                    spec,
                    new QuadraticCompute(sim.clock, c[i], k, eta, rho, 1_000_000L * (i + 1)),
                    x0,
                    null);
        }

        sim.startAll();
        sim.run(1_000_000);

        List<List<Integer>> adj = adjacency();
        float[][] x = new float[N][];
        for (int i = 0; i < N; i++) x[i] = x0.clone();
        for (int t = 0; t < rounds; t++) {
            float[][] z = new float[N][];
            for (int i = 0; i < N; i++) {
                z[i] = rho == 0
                        ? QuadraticCompute.sgd(x[i], c[i], k, eta)
                        : QuadraticCompute.sam(x[i], c[i], k, eta, rho);
            }
            for (int s = 0; s < q; s++) z = mix(z, adj, sim.ids);
            x = z;
        }
        for (int i = 0; i < N; i++) {
            RecordingEngineListener l = sim.listeners.get(i);
            assertThat(l.rounds).hasSize(rounds);
            assertThat(l.last().model()).as("node %d", i).containsExactly(x[i]);
            assertThat(l.last().mixingDeficit()).isZero();
            assertThat(l.last().rejected()).isEmpty();
            assertThat(l.stopped).isTrue();
        }
    }
}
