package io.fedp2p.sim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;

class JGraphTAdapterTest {

    @Test
    void integerVerticesKeepTheirNumbers() {
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        g.addVertex(2);
        g.addVertex(0);
        g.addVertex(1);
        g.addEdge(2, 0);

        Topology t = JGraphTAdapter.fromGraph(g);

        assertThat(t.neighbours(0)).containsExactly(2);
        assertThat(t.degree(1)).isZero();
    }

    @Test
    void otherVerticesAreNumberedInInsertionOrderAndDirectionsIgnored() {
        Graph<String, DefaultEdge> g = new DirectedPseudograph<>(DefaultEdge.class);
        g.addVertex("x");
        g.addVertex("y");
        g.addVertex("z");
        g.addEdge("z", "x");
        g.addEdge("x", "z");

        Topology t = JGraphTAdapter.fromGraph(g);

        assertThat(t.edges()).isDeepEqualTo(new int[][] {{0, 2}});
    }

    @Test
    void selfLoopsAndEmptyGraphsAreRejected() {
        Graph<String, DefaultEdge> loop = new DirectedPseudograph<>(DefaultEdge.class);
        loop.addVertex("a");
        loop.addEdge("a", "a");

        assertThatThrownBy(() -> JGraphTAdapter.fromGraph(loop)).hasMessageContaining("self-loop at vertex a");
        assertThatThrownBy(() -> JGraphTAdapter.fromGraph(new SimpleGraph<>(DefaultEdge.class)))
                .hasMessageContaining("no vertices");
    }

    @Test
    void toGraphHasVerticesZeroToNMinusOne() {
        Graph<Integer, DefaultEdge> g = JGraphTAdapter.toGraph(TopologyGenerators.torus(3, 3));

        assertThat(g.vertexSet()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(g.edgeSet()).hasSize(18);
        assertThat(g.getType().isSimple()).isTrue();
    }
}
