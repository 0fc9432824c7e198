package io.fedp2p.sim.topology;

import java.util.HashMap;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.util.SupplierUtil;

/** Converts between {@link Topology} and JGraphT graphs. */
public final class JGraphTAdapter {
    private JGraphTAdapter() {}

    /**
     * An empty simple undirected JGraphT graph whose vertex supplier hands out {@code 0, 1, 2, ...}: JGraphT
     * generators filling it produce the vertices {@code 0 .. n-1}.
     */
    public static Graph<Integer, DefaultEdge> emptySimpleGraph() {
        return GraphTypeBuilder.<Integer, DefaultEdge>undirected()
                .allowingMultipleEdges(false)
                .allowingSelfLoops(false)
                .weighted(false)
                .vertexSupplier(SupplierUtil.createIntegerSupplier())
                .edgeSupplier(SupplierUtil.DEFAULT_EDGE_SUPPLIER)
                .buildGraph();
    }

    /** A new JGraphT simple graph with vertices {@code 0 .. n-1} and the topology's edges, added in sorted order. */
    public static Graph<Integer, DefaultEdge> toGraph(Topology topology) {
        Graph<Integer, DefaultEdge> g = emptySimpleGraph();
        for (int i = 0; i < topology.size(); i++) g.addVertex(i);
        for (int[] e : topology.edges()) g.addEdge(e[0], e[1]);
        return g;
    }

    /**
     * The topology of an undirected JGraphT graph. When its vertices are exactly the integers {@code 0 .. n-1}
     * they keep their numbers; otherwise vertex k of the graph's vertex-set iteration order becomes {@code k}
     * (insertion order for JGraphT's default graphs, which keep vertices in a {@code LinkedHashMap}). Directions of a
     * directed graph are ignored and parallel edges merged; self-loops are rejected.
     *
     * @throws IllegalArgumentException for an empty graph or a self-loop
     */
    public static <V, E> Topology fromGraph(Graph<V, E> graph) {
        int n = graph.vertexSet().size();
        if (n == 0) throw new IllegalArgumentException("the graph has no vertices");
        Map<V, Integer> index = new HashMap<>();
        boolean identity = true;
        for (V v : graph.vertexSet()) {
            if (!(v instanceof Integer i) || i < 0 || i >= n) identity = false;
        }
        int k = 0;
        for (V v : graph.vertexSet()) index.put(v, identity ? (Integer) v : k++);
        Topology.Builder b = Topology.builder(n);
        for (E e : graph.edgeSet()) {
            int u = index.get(graph.getEdgeSource(e));
            int v = index.get(graph.getEdgeTarget(e));
            if (u == v) throw new IllegalArgumentException("self-loop at vertex " + graph.getEdgeSource(e));
            b.addEdge(u, v);
        }
        return b.build();
    }
}
