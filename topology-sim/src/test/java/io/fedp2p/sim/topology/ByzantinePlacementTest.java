package io.fedp2p.sim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByzantinePlacementTest {

    @Test
    void parsesEveryStrategyAndRoundTrips() {
        for (String s : new String[] {"random", "highest-degree", "around-victim", "around-victim:7"}) {
            assertThat(ByzantinePlacement.parse(s).format()).isEqualTo(s);
        }
        assertThatThrownBy(() -> ByzantinePlacement.parse("edge"))
                .hasMessageContaining("valid: random, highest-degree, around-victim[:V]");
        assertThatThrownBy(() -> ByzantinePlacement.parse("around-victim:x")).hasMessageContaining("node index");
    }

    @Test
    void highestDegreePicksTheHubs() {
        // Star centre 0 (degree 4) joined to a triangle 1-2-3 (degrees 3) and a leaf 4 (degree 1).
        Topology t = Topology.builder(5)
                .addEdge(0, 1)
                .addEdge(0, 2)
                .addEdge(0, 3)
                .addEdge(0, 4)
                .addEdge(1, 2)
                .addEdge(2, 3)
                .addEdge(3, 1)
                .build();

        ByzantinePlacement.Placement p = new ByzantinePlacement.HighestDegree().place(t, 2, new SplittableRandom(1));

        assertThat(p.byzantine().get(0)).isZero();
        assertThat(p.byzantine().get(1)).isIn(1, 2, 3);
        assertThat(p.victim()).isEmpty();
    }

    @Test
    void aroundVictimFillsTheNeighbourhoodThenTheNextRing() {
        Topology ring = TopologyGenerators.ring(10);

        ByzantinePlacement.Placement p =
                new ByzantinePlacement.AroundVictim(OptionalInt.of(0)).place(ring, 4, new SplittableRandom(2));

        assertThat(p.victim()).hasValue(0);
        assertThat(p.byzantine().subList(0, 2)).containsExactlyInAnyOrder(1, 9);
        assertThat(p.byzantine().subList(2, 4)).containsExactlyInAnyOrder(2, 8);
        assertThat(p.sorted()).containsExactly(1, 2, 8, 9);
        assertThat(p.isByzantine(0)).isFalse();
    }

    @Test
    void aroundVictimDrawsTheVictimWhenNotGiven() {
        Topology t = TopologyGenerators.randomRegular(30, 3, new SplittableRandom(1));

        ByzantinePlacement.Placement a =
                new ByzantinePlacement.AroundVictim(OptionalInt.empty()).place(t, 3, new SplittableRandom(5));
        ByzantinePlacement.Placement b =
                new ByzantinePlacement.AroundVictim(OptionalInt.empty()).place(t, 3, new SplittableRandom(5));

        assertThat(a).isEqualTo(b);
        assertThat(a.sorted()).containsExactly(t.neighbours(a.victim().getAsInt()));
    }

    @Test
    void countsOutsideTheGraphAreRejected() {
        Topology ring = TopologyGenerators.ring(5);
        SplittableRandom rng = new SplittableRandom(1);

        assertThatThrownBy(() -> new ByzantinePlacement.Uniform().place(ring, 6, rng))
                .hasMessageContaining("0 <= f <= 5");
        assertThatThrownBy(() -> new ByzantinePlacement.Uniform().place(ring, -1, rng))
                .hasMessageContaining("got f = -1");
        assertThatThrownBy(() -> new ByzantinePlacement.AroundVictim(OptionalInt.empty()).place(ring, 5, rng))
                .hasMessageContaining("0 <= f <= 4");
        assertThatThrownBy(() -> new ByzantinePlacement.AroundVictim(OptionalInt.of(5)).place(ring, 1, rng))
                .hasMessageContaining("victim 5 is not a node");
    }
}
