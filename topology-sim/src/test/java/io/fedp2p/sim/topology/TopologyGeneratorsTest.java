package io.fedp2p.sim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopologyGeneratorsTest {

    @Test
    void ringLinksConsecutiveNodes() {
        Topology ring = TopologyGenerators.ring(5);

        assertThat(ring.neighbours(0)).containsExactly(1, 4);
        assertThat(ring.neighbours(3)).containsExactly(2, 4);
        assertThat(ring.edgeCount()).isEqualTo(5);
    }

    @Test
    void torusWrapsAroundRowsAndColumns() {
        Topology torus = TopologyGenerators.torus(3, 4); // vertex r·4 + c

        assertThat(torus.neighbours(0)).containsExactly(1, 3, 4, 8);
        assertThat(torus.neighbours(11)).containsExactly(3, 7, 8, 10);
        assertThat(torus.edgeCount()).isEqualTo(24);
    }

    @Test
    void squarestTorusFactorisation() {
        assertThat(TopologyGenerators.squarestTorusRows(100)).isEqualTo(10);
        assertThat(TopologyGenerators.squarestTorusRows(1000)).isEqualTo(25);
        assertThat(TopologyGenerators.squarestTorusRows(21)).isEqualTo(3);
        assertThatThrownBy(() -> TopologyGenerators.squarestTorusRows(97))
                .hasMessageContaining("97 has no such factorisation");
        assertThatThrownBy(() -> TopologyGenerators.squarestTorusRows(8)).hasMessageContaining("rows, cols >= 3");
    }

    @Test
    void completeGraphHasEveryEdge() {
        assertThat(TopologyGenerators.complete(6).edgeCount()).isEqualTo(15);
    }

    @Test
    void scaleFreeStartsFromACliqueAndKeepsTheMeanDegree() {
        Topology t = TopologyGenerators.scaleFree(500, 4, new SplittableRandom(2));

        // K_3 (3 edges) then 497 nodes with 2 edges each.
        assertThat(t.edgeCount()).isEqualTo(3 + 497 * 2);
        assertThat(t.minDegree()).isEqualTo(2);
        assertThat(t.maxDegree()).isGreaterThan(15); // hubs: preferential attachment
    }

    @Test
    void randomRegularOfDegreeTwoIsOneCycle() {
        Topology t = TopologyGenerators.randomRegular(40, 2, new SplittableRandom(8));

        assertThat(t.isConnected()).isTrue();
        assertThat(t.minDegree()).isEqualTo(2);
        assertThat(t.maxDegree()).isEqualTo(2);
        assertThat(t).isNotEqualTo(TopologyGenerators.ring(40));
    }

    @Test
    void badParametersAreRejectedWithTheConstraint() {
        SplittableRandom rng = new SplittableRandom(1);
        assertThatThrownBy(() -> TopologyGenerators.randomRegular(5, 3, rng))
                .hasMessageContaining("nodes x degree even");
        assertThatThrownBy(() -> TopologyGenerators.randomRegular(4, 4, rng)).hasMessageContaining("degree < nodes");
        assertThatThrownBy(() -> TopologyGenerators.randomRegular(10, 1, rng)).hasMessageContaining("degree >= 2");
        assertThatThrownBy(() -> TopologyGenerators.erdosRenyi(10, 0.0, rng)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> TopologyGenerators.erdosRenyi(10, 1.5, rng)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> TopologyGenerators.smallWorld(10, 3, 0.1, rng)).hasMessageContaining("even degree");
        assertThatThrownBy(() -> TopologyGenerators.smallWorld(10, 10, 0.1, rng))
                .hasMessageContaining("degree <= 8");
        assertThatThrownBy(() -> TopologyGenerators.smallWorld(10, 4, -0.1, rng))
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> TopologyGenerators.scaleFree(10, 3, rng)).hasMessageContaining("even mean degree");
        assertThatThrownBy(() -> TopologyGenerators.torus(2, 5)).hasMessageContaining("at least 3 rows");
        assertThatThrownBy(() -> TopologyGenerators.ring(2)).hasMessageContaining("at least 3 nodes");
        assertThatThrownBy(() -> TopologyGenerators.complete(1)).hasMessageContaining("at least 2 nodes");
        assertThatThrownBy(() -> TopologyGenerators.complete(TopologyGenerators.MAX_COMPLETE_NODES + 1))
                .hasMessageContaining("limited to");
    }

    @Test
    void sparseErdosRenyiGivesUpWithAHint() {
        assertThatThrownBy(() -> TopologyGenerators.erdosRenyi(200, 0.001, new SplittableRandom(1)))
                .hasMessageContaining("disconnected in all " + TopologyGenerators.MAX_ATTEMPTS + " draws")
                .hasMessageContaining("ln(n)/n");
    }

    @Test
    void erdosRenyiWithProbabilityOneIsComplete() {
        assertThat(TopologyGenerators.erdosRenyi(12, 1.0, new SplittableRandom(1)))
                .isEqualTo(TopologyGenerators.complete(12));
    }

    @Test
    void smallWorldWithoutRewiringIsTheRingLattice() {
        Topology t = TopologyGenerators.smallWorld(10, 4, 0.0, new SplittableRandom(1));

        assertThat(t.neighbours(0)).containsExactly(1, 2, 8, 9);
        assertThat(t.minDegree()).isEqualTo(4);
        assertThat(t.maxDegree()).isEqualTo(4);
    }
}
