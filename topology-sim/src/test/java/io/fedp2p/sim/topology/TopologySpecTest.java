package io.fedp2p.sim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopologySpecTest {

    @Test
    void parsesEveryKind() {
        assertThat(TopologySpec.parse("ring")).isEqualTo(new TopologySpec.Ring());
        assertThat(TopologySpec.parse("torus")).isEqualTo(TopologySpec.Torus.SQUAREST);
        assertThat(TopologySpec.parse("torus:4x5")).isEqualTo(new TopologySpec.Torus(4, 5));
        assertThat(TopologySpec.parse("random-regular:4")).isEqualTo(new TopologySpec.RandomRegular(4));
        assertThat(TopologySpec.parse("random-regular"))
                .isEqualTo(new TopologySpec.RandomRegular(TopologySpec.DEFAULT_DEGREE));
        assertThat(TopologySpec.parse("erdos-renyi:0.05")).isEqualTo(new TopologySpec.ErdosRenyi(0.05));
        assertThat(TopologySpec.parse("small-world:4:0.1")).isEqualTo(new TopologySpec.SmallWorld(4, 0.1));
        assertThat(TopologySpec.parse("small-world:6"))
                .isEqualTo(new TopologySpec.SmallWorld(6, TopologySpec.DEFAULT_REWIRE));
        assertThat(TopologySpec.parse("scale-free:2")).isEqualTo(new TopologySpec.ScaleFree(2));
        assertThat(TopologySpec.parse(" complete ")).isEqualTo(new TopologySpec.Complete());
        assertThat(TopologySpec.parse("file:graphs/g.graphml"))
                .isEqualTo(new TopologySpec.FromFile(Path.of("graphs/g.graphml")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ring",
                "torus",
                "torus:3x7",
                "random-regular:3",
                "erdos-renyi:0.05",
                "erdos-renyi:1.0",
                "erdos-renyi:1.0E-4",
                "small-world:4:0.1",
                "small-world:2:0.0",
                "scale-free:6",
                "complete",
                "file:a:b.edges"
            })
    void formatRoundTrips(String text) {
        TopologySpec spec = TopologySpec.parse(text);

        assertThat(TopologySpec.parse(spec.format())).isEqualTo(spec);
    }

    @Test
    void unknownKindsListTheValidOnes() {
        assertThatThrownBy(() -> TopologySpec.parse("hypercube:3"))
                .hasMessage("unknown topology kind 'hypercube'; valid kinds: ring, torus, random-regular, erdos-renyi,"
                        + " small-world, scale-free, complete, file");
        assertThatThrownBy(() -> TopologySpec.parse("")).hasMessageContaining("valid kinds: ring");
    }

    @Test
    void badParametersNameTheProblem() {
        assertThatThrownBy(() -> TopologySpec.parse("ring:4")).hasMessageContaining("ring takes no parameters");
        assertThatThrownBy(() -> TopologySpec.parse("random-regular:4:5"))
                .hasMessageContaining("random-regular[:DEGREE]");
        assertThatThrownBy(() -> TopologySpec.parse("random-regular:four"))
                .hasMessageContaining("degree must be an integer, got 'four'");
        assertThatThrownBy(() -> TopologySpec.parse("erdos-renyi")).hasMessageContaining("erdos-renyi:P");
        assertThatThrownBy(() -> TopologySpec.parse("erdos-renyi:2")).hasMessageContaining("p in (0, 1]");
        assertThatThrownBy(() -> TopologySpec.parse("erdos-renyi:NaN")).hasMessageContaining("p must be a number");
        assertThatThrownBy(() -> TopologySpec.parse("small-world:3")).hasMessageContaining("even degree");
        assertThatThrownBy(() -> TopologySpec.parse("torus:10")).hasMessageContaining("ROWSxCOLS");
        assertThatThrownBy(() -> TopologySpec.parse("torus:2x10")).hasMessageContaining("rows and columns >= 3");
        assertThatThrownBy(() -> TopologySpec.parse("file:")).hasMessageContaining("file:PATH");
    }

    @Test
    void fieldsBuildTheSameSpecsAndRejectUnknownKeys() {
        assertThat(TopologySpec.fromFields(Map.of("kind", "small-world", "degree", "6", "p", "0.2")))
                .isEqualTo(new TopologySpec.SmallWorld(6, 0.2));
        assertThat(TopologySpec.fromFields(Map.of("kind", "torus", "rows", "3", "cols", "4")))
                .isEqualTo(new TopologySpec.Torus(3, 4));
        assertThatThrownBy(() -> TopologySpec.fromFields(Map.of("kind", "ring", "degree", "2")))
                .hasMessage("unknown key 'degree' for topology ring; valid keys: kind");
        assertThatThrownBy(() -> TopologySpec.fromFields(Map.of("kind", "random-regular", "dgree", "4")))
                .hasMessageContaining("valid keys: kind, degree");
        assertThatThrownBy(() -> TopologySpec.fromFields(Map.of("degree", "4"))).hasMessageContaining("needs a 'kind'");
        assertThatThrownBy(() -> TopologySpec.fromFields(Map.of("kind", "torus", "rows", "3")))
                .hasMessageContaining("both rows and cols");
    }

    @Test
    void buildChecksTheNodeCount() {
        SplittableRandom rng = new SplittableRandom(1);

        assertThat(TopologySpec.parse("torus").build(100, rng).size()).isEqualTo(100);
        assertThatThrownBy(() -> TopologySpec.parse("torus:4x5").build(21, rng))
                .hasMessageContaining("has 20 nodes, not 21");
        assertThatThrownBy(() -> TopologySpec.parse("torus").build(13, rng))
                .hasMessageContaining("13 has no such factorisation");
        assertThatThrownBy(() -> TopologySpec.parse("random-regular:3").build(11, rng))
                .hasMessageContaining("nodes x degree even");
    }

    @Test
    void fileSpecLoadsTheGraphAndChecksItsSize(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path file = dir.resolve("g.edges");
        GraphFiles.write(TopologyGenerators.ring(7), file);
        TopologySpec spec = TopologySpec.parse("file:" + file);

        assertThat(spec.build(7, new SplittableRandom(1))).isEqualTo(TopologyGenerators.ring(7));
        assertThatThrownBy(() -> spec.build(8, new SplittableRandom(1))).hasMessageContaining("holds 7 nodes, not 8");
        assertThat(spec.isRandom()).isFalse();
    }
}
