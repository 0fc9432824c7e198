package io.fedp2p.node.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.node.adapter.ParamLayout;
import io.fedp2p.robustness.defence.DefenceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FRL-native mode (ALGORITHMS.md §3.9a) on the in-memory transport: the engine's rankings, votes and rebuilt scores
 * equal a direct computation of §3.2's ranking, the W-weighted Borda count repeated Q times and {@code s[G[p]] =
 * v[p]}, with the head mixed as floats.
 */
class FrlNativeEngineTest {
    private static final int N = 5;
    private static final int[][] EDGES = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}, {0, 2}};
    /** head.weight [2,3] (6 floats), l1.frl_scores [3,3] (9 edges), l2.frl_scores [2,2] (4 edges). */
    static final ParamLayout LAYOUT = ParamLayout.of(Map.of(
            "head.weight", new long[] {2, 3},
            "l1.frl_scores", new long[] {3, 3},
            "l2.frl_scores", new long[] {2, 2}));

    static final int D = LAYOUT.dimension();

    /** Distinct initial values, the same on every node (the network-wide seed). */
    static float[] initial() {
        float[] x = new float[D];
        for (int e = 0; e < D; e++) x[e] = (float) Math.sin(1.7 * e + 0.3);
        return x;
    }

    static FrlLayout frl() {
        return FrlLayout.of(LAYOUT, initial());
    }

    @ParameterizedTest(name = "Q={0}, wire fidelity {1}")
    @CsvSource({"1, false", "3, false", "2, true"})
    void votesRankingsAndScoresEqualADirectComputation(int q, boolean fidelity) {
        int rounds = 3;
        int k = 4;
        float eta = 0.3f;
        FrlLayout frl = frl();
        SimNetwork sim = new SimNetwork(N, fidelity, frl.floatDimension());
        for (int[] e : EDGES) sim.link(e[0], e[1]);
        float[][] c = SimNetwork.centres(N, D, i -> 0.5f * i - 1f);
        EngineConfig config = EngineConfig.defaults(rounds)
                .withGossipSteps(q)
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(5));
        for (int i = 0; i < N; i++) {
            QuadraticCompute compute = new QuadraticCompute(sim.clock, c[i], k, eta, 0f, 1_000_000L * (i + 1));
            sim.engine(i, config, DefenceSpec.parse("mean").create(), compute, initial(), null, frl);
        }

        sim.startAll();
        sim.run(1_000_000);

        List<List<Integer>> adj = neighboursInKeyOrder(sim.ids);
        float[][] x = new float[N][];
        for (int i = 0; i < N; i++) x[i] = initial();
        int changedByVotes = 0;
        for (int t = 0; t < rounds; t++) {
            int[][][] r = new int[N][][];
            float[][] h = new float[N][];
            for (int i = 0; i < N; i++) {
                float[] theta = QuadraticCompute.sgd(x[i], c[i], k, eta);
                r[i] = directRankings(theta);
                h[i] = frl.floats(theta);
            }
            for (int s = 0; s < q; s++) {
                int[][][] nr = new int[N][][];
                float[][] nh = new float[N][];
                for (int i = 0; i < N; i++) {
                    nr[i] = directVote(i, r, adj);
                    nh[i] = directMix(i, h, adj);
                    if (!Arrays.deepEquals(nr[i], r[i])) changedByVotes++;
                }
                r = nr;
                h = nh;
            }
            for (int i = 0; i < N; i++) x[i] = directAssemble(r[i], h[i]);
        }
        for (int i = 0; i < N; i++) {
            RecordingEngineListener l = sim.listeners.get(i);
            assertThat(l.rounds).hasSize(rounds);
            assertThat(l.last().model()).as("node %d", i).containsExactly(x[i]);
            assertThat(l.last().rejected()).isEmpty();
        }
        // the votes moved rankings away from the nodes' own: the comparison is not vacuous
        assertThat(changedByVotes).isGreaterThan(rounds);
    }

    /** Neighbours of each node sorted by peer id text (the engine's candidate order). */
    static List<List<Integer>> neighboursInKeyOrder(List<PeerId> ids) {
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < N; i++) adj.add(new ArrayList<>());
        for (int[] e : EDGES) {
            adj.get(e[0]).add(e[1]);
            adj.get(e[1]).add(e[0]);
        }
        for (List<Integer> a : adj) a.sort(Comparator.comparing(j -> ids.get(j).toString()));
        return adj;
    }

    private static double weight(List<List<Integer>> adj, int i, int j) {
        return 1.0 / (1 + Math.max(adj.get(i).size(), adj.get(j).size()));
    }

    /** Edge ids of each score tensor by ascending score, ties by id (§3.2, §3.8 #2), written without RankVote. */
    static int[][] directRankings(float[] theta) {
        int[][] out = new int[2][];
        int[] offsets = {
            LAYOUT.entry("l1.frl_scores").offset(),
            LAYOUT.entry("l2.frl_scores").offset()
        };
        int[] sizes = {9, 4};
        for (int l = 0; l < 2; l++) {
            int off = offsets[l];
            Integer[] ids = new Integer[sizes[l]];
            for (int e = 0; e < ids.length; e++) ids[e] = e;
            Arrays.sort(
                    ids,
                    Comparator.<Integer>comparingDouble(e -> theta[off + e]).thenComparingInt(e -> e));
            out[l] = Arrays.stream(ids).mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** V[e] = W[i][i]·P_i[e] + Σ_j W[i][j]·P_j[e] (self first, then key order), sorted by (V, e). */
    private static int[][] directVote(int i, int[][][] r, List<List<Integer>> adj) {
        List<Integer> ns = adj.get(i);
        double self = 1;
        for (int j : ns) self -= weight(adj, i, j);
        int[][] out = new int[2][];
        for (int l = 0; l < 2; l++) {
            int n = r[i][l].length;
            double[] v = new double[n];
            for (int p = 0; p < n; p++) v[r[i][l][p]] += self * p;
            for (int j : ns) for (int p = 0; p < n; p++) v[r[j][l][p]] += weight(adj, i, j) * p;
            Integer[] ids = new Integer[n];
            for (int e = 0; e < n; e++) ids[e] = e;
            Arrays.sort(ids, Comparator.<Integer>comparingDouble(e -> v[e]).thenComparingInt(e -> e));
            out[l] = Arrays.stream(ids).mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static float[] directMix(int i, float[][] h, List<List<Integer>> adj) {
        List<Integer> ns = adj.get(i);
        double self = 1;
        for (int j : ns) self -= weight(adj, i, j);
        float[] out = new float[h[i].length];
        for (int e = 0; e < out.length; e++) {
            double acc = self * h[i][e];
            for (int j : ns) acc += weight(adj, i, j) * h[j][e];
            out[e] = (float) acc;
        }
        return out;
    }

    /** θ with s[G[p]] = v[p], v the sorted initial scores of the layer, and the head. */
    static float[] directAssemble(int[][] rankings, float[] head) {
        float[] init = initial();
        float[] theta = new float[D];
        String[] names = {"l1.frl_scores", "l2.frl_scores"};
        for (int l = 0; l < 2; l++) {
            ParamLayout.Entry e = LAYOUT.entry(names[l]);
            float[] v = Arrays.copyOfRange(init, e.offset(), e.offset() + e.size());
            Arrays.sort(v);
            for (int p = 0; p < v.length; p++) theta[e.offset() + rankings[l][p]] = v[p];
        }
        ParamLayout.Entry hw = LAYOUT.entry("head.weight");
        System.arraycopy(head, 0, theta, hw.offset(), hw.size());
        return theta;
    }
}
