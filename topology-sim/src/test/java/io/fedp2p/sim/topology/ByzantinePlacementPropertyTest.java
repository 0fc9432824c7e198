package io.fedp2p.sim.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ByzantinePlacementPropertyTest {

    @Provide
    Arbitrary<ByzantinePlacement> strategies() {
        return Arbitraries.of(
                new ByzantinePlacement.Uniform(),
                new ByzantinePlacement.HighestDegree(),
                new ByzantinePlacement.AroundVictim(OptionalInt.empty()));
    }

    private static Topology graph(int n, long seed) {
        return TopologyGenerators.smallWorld(n, 4, 0.3, new SplittableRandom(seed));
    }

    @Property(tries = 200)
    void returnsExactlyFDistinctNodesDeterministically(
            @ForAll("strategies") ByzantinePlacement strategy,
            @ForAll @IntRange(min = 10, max = 80) int n,
            @ForAll @IntRange(min = 0, max = 9) int f,
            @ForAll long seed) {
        Topology t = graph(n, seed);

        ByzantinePlacement.Placement p = strategy.place(t, f, new SplittableRandom(seed));

        assertThat(p.byzantine()).hasSize(f);
        assertThat(new HashSet<>(p.byzantine())).hasSize(f);
        assertThat(p.byzantine()).allMatch(v -> v >= 0 && v < n);
        assertThat(strategy.place(t, f, new SplittableRandom(seed))).isEqualTo(p);
    }

    @Property(tries = 200)
    void aroundVictimTakesTheVictimsNeighboursFirst(
            @ForAll @IntRange(min = 10, max = 80) int n, @ForAll @IntRange(min = 0, max = 9) int f, @ForAll long seed) {
        Topology t = graph(n, seed);

        ByzantinePlacement.Placement p =
                new ByzantinePlacement.AroundVictim(OptionalInt.empty()).place(t, f, new SplittableRandom(seed));

        int victim = p.victim().getAsInt();
        int[] dist = t.distancesFrom(victim);
        int k = Math.min(f, t.degree(victim));
        assertThat(p.byzantine().subList(0, k)).allMatch(v -> t.hasEdge(victim, v));
        for (int i = 1; i < f; i++)
            assertThat(dist[p.byzantine().get(i)])
                    .isGreaterThanOrEqualTo(dist[p.byzantine().get(i - 1)]);
    }

    @Property(tries = 200)
    void highestDegreeNeverLeavesOutAHigherDegreeNode(
            @ForAll @IntRange(min = 10, max = 80) int n, @ForAll @IntRange(min = 1, max = 9) int f, @ForAll long seed) {
        Topology t = TopologyGenerators.scaleFree(n, 2, new SplittableRandom(seed));

        ByzantinePlacement.Placement p = new ByzantinePlacement.HighestDegree().place(t, f, new SplittableRandom(seed));

        int weakestChosen = p.byzantine().stream().mapToInt(t::degree).min().orElseThrow();
        for (int v = 0; v < n; v++) {
            if (!p.isByzantine(v)) assertThat(t.degree(v)).isLessThanOrEqualTo(weakestChosen);
        }
    }
}
