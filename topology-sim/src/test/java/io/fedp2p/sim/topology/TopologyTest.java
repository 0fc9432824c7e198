package io.fedp2p.sim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TopologyTest {

    @Test
    void neighboursAreSortedAndRepeatedEdgesMerged() {
        Topology t = Topology.builder(5)
                .addEdge(3, 0)
                .addEdge(0, 1)
                .addEdge(4, 0)
                .addEdge(1, 0)
                .addEdge(0, 3)
                .build();

        assertThat(t.neighbours(0)).containsExactly(1, 3, 4);
        assertThat(t.degree(0)).isEqualTo(3);
        assertThat(t.neighbours(2)).isEmpty();
        assertThat(t.edgeCount()).isEqualTo(3);
        assertThat(t.edges()).isDeepEqualTo(new int[][] {{0, 1}, {0, 3}, {0, 4}});
        assertThat(t.neighbour(0, 2)).isEqualTo(4);
    }

    @Test
    void rejectsSelfLoopsAndVerticesOutOfRange() {
        assertThatThrownBy(() -> Topology.builder(3).addEdge(1, 1)).hasMessageContaining("self-loop at vertex 1");
        assertThatThrownBy(() -> Topology.builder(3).addEdge(0, 3)).hasMessageContaining("outside 0..2");
        assertThatThrownBy(() -> Topology.builder(0)).hasMessageContaining("at least one vertex");
    }

    @Test
    void hasEdgeIsSymmetricAndFalseOnTheDiagonal() {
        Topology t = TopologyGenerators.ring(5);

        assertThat(t.hasEdge(0, 4)).isTrue();
        assertThat(t.hasEdge(4, 0)).isTrue();
        assertThat(t.hasEdge(0, 2)).isFalse();
        assertThat(t.hasEdge(2, 2)).isFalse();
    }

    @Test
    void metropolisWeightsOfAStarFollowTheMaxDegreeRule() {
        // Star with centre 0 and leaves 1..3: deg 3 and 1, so W[0][leaf] = 1/(1+max(3,1)) = 1/4;
        // W[leaf][leaf] = 1 − 1/4 = 3/4; W[0][0] = 1 − 3·(1/4) = 1/4; leaves are not adjacent: W[1][2] = 0.
        Topology star =
                Topology.builder(4).addEdge(0, 1).addEdge(0, 2).addEdge(0, 3).build();

        assertThat(star.metropolisWeight(0, 2)).isEqualTo(0.25);
        assertThat(star.metropolisWeight(2, 0)).isEqualTo(0.25);
        assertThat(star.selfWeight(1)).isEqualTo(0.75);
        assertThat(star.metropolisWeight(0, 0)).isEqualTo(0.25);
        assertThat(star.metropolisWeight(1, 2)).isZero();
        assertThat(star.metropolisWeights(0)).containsExactly(0.25, 0.25, 0.25);
    }

    @Test
    void metropolisWeightsOfAPathUseTheLargerEndpointDegree() {
        // Path 0-1-2-3: degrees 1,2,2,1. W[0][1] = 1/(1+2) = 1/3, W[0][0] = 2/3, W[1][1] = 1 − 1/3 − 1/3 = 1/3.
        Topology path =
                Topology.builder(4).addEdge(0, 1).addEdge(1, 2).addEdge(2, 3).build();

        assertThat(path.metropolisWeight(0, 1)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(path.selfWeight(0)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(path.selfWeight(1)).isCloseTo(1.0 / 3, within(1e-15));
    }

    @Test
    void sparseProductsAgreeWithTheDenseMatrix() {
        Topology t = Topology.builder(4)
                .addEdge(0, 1)
                .addEdge(1, 2)
                .addEdge(2, 3)
                .addEdge(0, 2)
                .build();
        MetropolisMatrix w = MetropolisMatrix.of(t);
        double[] x = {1.0, -2.0, 0.5, 3.0};
        double[] wx = new double[4];
        double[] lx = new double[4];

        w.multiply(x, wx);
        w.multiplyLaplacian(x, lx);

        for (int i = 0; i < 4; i++) {
            double expected = 0;
            for (int j = 0; j < 4; j++) expected += t.metropolisWeight(i, j) * x[j];
            assertThat(wx[i]).isCloseTo(expected, within(1e-14));
            assertThat(lx[i]).isCloseTo(x[i] - expected, within(1e-14));
            assertThat(w.toDense().get(i, 2)).isEqualTo(t.metropolisWeight(i, 2));
        }
    }

    @Test
    void connectivityAndDistancesFollowBreadthFirstSearch() {
        Topology t =
                Topology.builder(5).addEdge(0, 1).addEdge(1, 2).addEdge(3, 4).build();

        assertThat(t.isConnected()).isFalse();
        assertThat(t.distancesFrom(0)).containsExactly(0, 1, 2, -1, -1);
        assertThat(TopologyGenerators.ring(6).distancesFrom(0)).containsExactly(0, 1, 2, 3, 2, 1);
        assertThat(Topology.builder(1).build().isConnected()).isTrue();
    }

    @Test
    void relabelMovesEdgesAndRejectsNonPermutations() {
        Topology path = Topology.builder(3).addEdge(0, 1).addEdge(1, 2).build();

        Topology moved = path.relabel(new int[] {2, 0, 1}); // 0→2, 1→0, 2→1: edges 2-0 and 0-1

        assertThat(moved.neighbours(0)).containsExactly(1, 2);
        assertThat(moved.degree(1)).isEqualTo(1);
        assertThatThrownBy(() -> path.relabel(new int[] {0, 0, 1})).hasMessageContaining("not a permutation");
    }

    @Test
    void equalGraphsAreEqualWhateverTheInsertionOrder() {
        Topology a = Topology.builder(3).addEdge(0, 1).addEdge(1, 2).build();
        Topology b = Topology.builder(3).addEdge(2, 1).addEdge(1, 0).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Topology.builder(3).addEdge(0, 1).build());
        assertThat(a.toString()).contains("n=3", "edges=2");
    }

    @Test
    void degreeStatistics() {
        Topology star =
                Topology.builder(4).addEdge(0, 1).addEdge(0, 2).addEdge(0, 3).build();

        assertThat(star.minDegree()).isEqualTo(1);
        assertThat(star.maxDegree()).isEqualTo(3);
        assertThat(star.meanDegree()).isEqualTo(1.5);
    }
}
