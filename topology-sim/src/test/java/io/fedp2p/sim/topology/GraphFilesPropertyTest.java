package io.fedp2p.sim.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class GraphFilesPropertyTest {

    /** Any simple graph on 1..40 vertices, including isolated vertices and no edges at all. */
    @Provide
    Arbitrary<Topology> graphs() {
        return Arbitraries.integers().between(1, 40).flatMap(n -> Arbitraries.integers()
                .between(0, n - 1)
                .tuple2()
                .list()
                .ofMaxSize(3 * n)
                .map(pairs -> {
                    Topology.Builder b = Topology.builder(n);
                    pairs.forEach(p -> {
                        if (!p.get1().equals(p.get2())) b.addEdge(p.get1(), p.get2());
                    });
                    return b.build();
                }));
    }

    @Property(tries = 200)
    void everyFormatRoundTripsTheGraph(@ForAll("graphs") Topology t) throws IOException {
        for (GraphFiles.Format format : GraphFiles.Format.values()) {
            StringWriter out = new StringWriter();
            GraphFiles.write(t, out, format);

            GraphFiles.Imported back = GraphFiles.read(new StringReader(out.toString()), format, "round-trip");

            assertThat(back.topology()).as(format.name()).isEqualTo(t);
        }
    }

    @Property(tries = 100)
    void jgraphtConversionRoundTripsTheGraph(@ForAll("graphs") Topology t) {
        assertThat(JGraphTAdapter.fromGraph(JGraphTAdapter.toGraph(t))).isEqualTo(t);
    }
}
