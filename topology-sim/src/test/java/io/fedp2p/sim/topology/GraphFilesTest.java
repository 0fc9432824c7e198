package io.fedp2p.sim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphFilesTest {
    @TempDir
    Path dir;

    private static GraphFiles.Imported edgeList(String text) {
        return GraphFiles.read(new StringReader(text), GraphFiles.Format.EDGE_LIST, "test.edges");
    }

    private static GraphFiles.Imported graphMl(String text) {
        return GraphFiles.read(new StringReader(text), GraphFiles.Format.GRAPHML, "test.graphml");
    }

    @Test
    void formatFollowsTheExtension() {
        assertThat(GraphFiles.Format.of(Path.of("a/g.GraphML"))).isEqualTo(GraphFiles.Format.GRAPHML);
        assertThat(GraphFiles.Format.of(Path.of("g.el"))).isEqualTo(GraphFiles.Format.EDGE_LIST);
        assertThat(GraphFiles.Format.of(Path.of("g.json"))).isEqualTo(GraphFiles.Format.JSON);
        assertThatThrownBy(() -> GraphFiles.Format.of(Path.of("g.gexf")))
                .hasMessageContaining("g.gexf")
                .hasMessageContaining(".graphml, .xml, .edges");
    }

    @Test
    void edgeListReadsCommentsCommasWeightsAndIsolatedVertices() {
        GraphFiles.Imported g = edgeList("# a comment\n0 1\n1,2 % trailing comment\n\n2 3 0.5\n4\n");

        assertThat(g.topology().size()).isEqualTo(5);
        assertThat(g.topology().edges()).isDeepEqualTo(new int[][] {{0, 1}, {1, 2}, {2, 3}});
        assertThat(g.topology().degree(4)).isZero();
    }

    @Test
    void numericLabelsAreNumberedByRankSoOneBasedFilesShiftDown() {
        GraphFiles.Imported g = edgeList("10 2\n1 2\n");

        assertThat(g.labels()).containsExactly("1", "2", "10");
        assertThat(g.topology().neighbours(1)).containsExactly(0, 2); // vertex "2" is adjacent to "1" and "10"
    }

    @Test
    void nameLabelsAreNumberedInOrderOfFirstAppearance() {
        GraphFiles.Imported g = edgeList("bob alice\nalice carol\n");

        assertThat(g.labels()).containsExactly("bob", "alice", "carol");
        assertThat(g.topology().neighbours(1)).containsExactly(0, 2);
    }

    @Test
    void edgeListErrorsNameTheLine() {
        assertThatThrownBy(() -> edgeList("0 1\n2 2\n")).hasMessage("test.edges, line 2: self-loop at vertex 2");
        assertThatThrownBy(() -> edgeList("0 1\n1 2 3 4\n")).hasMessageContaining("line 2: expected 'u v'");
        assertThatThrownBy(() -> edgeList("0 1 heavy\n"))
                .hasMessageContaining("line 1: third column must be a numeric weight");
        assertThatThrownBy(() -> edgeList("# nothing\n")).hasMessageContaining("no vertices");
    }

    @Test
    void readsGraphMlFromOtherToolsIgnoringAttributesAndDirection() {
        String xml =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key id="d0" for="edge" attr.name="weight" attr.type="double"/>
                  <graph edgedefault="directed">
                    <node id="n0"/><node id="n1"/><node id="n2"/><node id="n3"/>
                    <edge source="n0" target="n1"><data key="d0">2.5</data></edge>
                    <edge source="n1" target="n0"/>
                    <edge source="n2" target="n1"/>
                  </graph>
                </graphml>
                """;

        GraphFiles.Imported g = graphMl(xml);

        assertThat(g.labels()).containsExactly("n0", "n1", "n2", "n3");
        assertThat(g.topology().edges()).isDeepEqualTo(new int[][] {{0, 1}, {1, 2}});
        assertThat(g.topology().degree(3)).isZero();
    }

    @Test
    void graphMlErrorsAreClear() {
        assertThatThrownBy(() ->
                        graphMl("<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"a\"/></graph></graphml>"))
                .hasMessageContaining("self-loop at vertex a");
        assertThatThrownBy(() -> graphMl("<graphml><graph><node id=\"a\"></graph>"))
                .hasMessageContaining("not valid GraphML");
        assertThatThrownBy(() -> graphMl(
                        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><graphml/>"))
                .hasMessageContaining("<!DOCTYPE> is not accepted");
    }

    @Test
    void jsonErrorsAreClear() {
        assertThatThrownBy(() -> GraphFiles.read(
                        new StringReader("{\"nodes\": 3, \"edgeList\": [[0, 3]]}"), GraphFiles.Format.JSON, "g.json"))
                .hasMessageContaining("outside 0..2");
        assertThatThrownBy(() -> GraphFiles.read(new StringReader("{\"nodes\": 3}"), GraphFiles.Format.JSON, "g.json"))
                .hasMessageContaining("'edgeList' must be an array");
        assertThatThrownBy(() -> GraphFiles.read(new StringReader("[1, 2"), GraphFiles.Format.JSON, "g.json"))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void writesAndReadsEveryFormatThroughFiles() {
        Topology t = TopologyGenerators.randomRegular(30, 3, new SplittableRandom(5));
        for (String name : new String[] {"g.graphml", "g.edges", "g.json"}) {
            Path file = dir.resolve(name);

            GraphFiles.write(t, file);

            assertThat(GraphFiles.read(file).topology()).as(name).isEqualTo(t);
        }
    }

    @Test
    void writtenGraphMlNamesVerticesByIndex() throws IOException {
        StringWriter out = new StringWriter();

        GraphFiles.write(TopologyGenerators.ring(3), out, GraphFiles.Format.GRAPHML);

        assertThat(out.toString())
                .contains("<node id=\"2\"/>", "edgedefault=\"undirected\"", "source=\"0\" target=\"1\"");
    }

    @Test
    void missingFileIsReportedByName() {
        Path missing = dir.resolve("none.graphml");

        assertThatThrownBy(() -> GraphFiles.read(missing))
                .hasMessageContaining("none.graphml")
                .hasMessageContaining("does not exist");
        assertThat(Files.exists(missing)).isFalse();
    }
}
