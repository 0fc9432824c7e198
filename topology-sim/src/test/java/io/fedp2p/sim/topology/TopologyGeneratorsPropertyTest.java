package io.fedp2p.sim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TopologyGeneratorsPropertyTest {

    /** One generator call: a spec valid for n nodes, and a seed. */
    record Case(TopologySpec spec, int n, long seed) {
        Topology build() {
            return spec.build(n, new SplittableRandom(seed));
        }
    }

    @Provide
    Arbitrary<Case> anyFamily() {
        return Arbitraries.oneOf(
                cases(Arbitraries.integers().between(3, 120), n -> Arbitraries.just(new TopologySpec.Ring())),
                cases(
                        Arbitraries.integers().between(3, 11).tuple2().map(rc -> rc.get1() * rc.get2()),
                        n -> Arbitraries.just(TopologySpec.Torus.SQUAREST)),
                cases(Arbitraries.integers().between(6, 120), n -> Arbitraries.integers()
                        .between(2, 5)
                        .filter(d -> (n * d) % 2 == 0)
                        .map(TopologySpec.RandomRegular::new)),
                cases(
                        Arbitraries.integers().between(20, 120),
                        n -> Arbitraries.doubles().between(0.3, 1.0).map(TopologySpec.ErdosRenyi::new)),
                cases(Arbitraries.integers().between(10, 120), n -> Combinators.combine(
                                Arbitraries.of(2, 4, 6), Arbitraries.doubles().between(0, 0.5))
                        .as(TopologySpec.SmallWorld::new)),
                cases(Arbitraries.integers().between(8, 120), n -> Arbitraries.of(2, 4, 6)
                        .map(TopologySpec.ScaleFree::new)),
                cases(Arbitraries.integers().between(2, 40), n -> Arbitraries.just(new TopologySpec.Complete())));
    }

    private static Arbitrary<Case> cases(
            Arbitrary<Integer> sizes, java.util.function.Function<Integer, Arbitrary<? extends TopologySpec>> specs) {
        return sizes.flatMap(
                n -> Combinators.combine(specs.apply(n), Arbitraries.longs()).as((s, seed) -> new Case(s, n, seed)));
    }

    @Property(tries = 200)
    void everyFamilyGivesAConnectedSimpleUndirectedGraphOnExactlyNVertices(@ForAll("anyFamily") Case c) {
        Topology t = c.build();

        assertThat(t.size()).isEqualTo(c.n());
        assertThat(t.isConnected()).isTrue();
        int degreeSum = 0;
        for (int i = 0; i < t.size(); i++) {
            int[] nb = t.neighbours(i);
            degreeSum += nb.length;
            for (int k = 0; k < nb.length; k++) {
                assertThat(nb[k]).isNotEqualTo(i);
                if (k > 0) assertThat(nb[k]).isGreaterThan(nb[k - 1]); // sorted, no parallel edges
                assertThat(t.hasEdge(nb[k], i)).isTrue(); // undirected
            }
        }
        assertThat(degreeSum).isEqualTo(2 * t.edgeCount());
    }

    @Property(tries = 200)
    void everyFamilyHasItsPromisedDegrees(@ForAll("anyFamily") Case c) {
        Topology t = c.build();
        TopologySpec s = c.spec();

        if (s instanceof TopologySpec.Ring) assertRegular(t, 2);
        if (s instanceof TopologySpec.Torus) assertRegular(t, 4);
        if (s instanceof TopologySpec.Complete) assertRegular(t, c.n() - 1);
        if (s instanceof TopologySpec.RandomRegular r) assertRegular(t, r.degree());
        if (s instanceof TopologySpec.SmallWorld w) {
            assertThat(t.minDegree()).isGreaterThanOrEqualTo(w.degree() / 2);
            assertThat(t.edgeCount()).isEqualTo(c.n() * w.degree() / 2); // rewiring moves edges, never drops them
        }
        if (s instanceof TopologySpec.ScaleFree f) assertThat(t.minDegree()).isGreaterThanOrEqualTo(f.degree() / 2);
    }

    @Property(tries = 150)
    void metropolisMatrixIsSymmetricDoublyStochasticNonNegativeAndLivesOnEdges(@ForAll("anyFamily") Case c) {
        Topology t = c.build();
        var w = MetropolisMatrix.of(t).toDense();

        for (int i = 0; i < t.size(); i++) {
            double row = 0;
            for (int j = 0; j < t.size(); j++) {
                double wij = w.get(i, j);
                row += wij;
                assertThat(wij).isEqualTo(w.get(j, i));
                assertThat(wij).isGreaterThanOrEqualTo(0.0);
                assertThat(wij > 0).isEqualTo(i == j || t.hasEdge(i, j));
                assertThat(wij).isEqualTo(t.metropolisWeight(i, j));
            }
            assertThat(row).isCloseTo(1.0, within(1e-12));
        }
    }

    @Property(tries = 100)
    void sameSeedGivesTheSameGraph(@ForAll("anyFamily") Case c) {
        assertThat(c.build()).isEqualTo(c.build());
    }

    @Property(tries = 100)
    void differentSeedsGiveDifferentRandomGraphs(@ForAll("anyFamily") Case c) {
        // "Generally": skip draws with almost no randomness (a lattice barely rewired, G(n, p) with p near 1).
        if (!c.spec().isRandom() || c.n() < 30) return;
        if (c.spec() instanceof TopologySpec.SmallWorld w && w.rewire() < 0.2) return;
        if (c.spec() instanceof TopologySpec.ErdosRenyi e && e.p() > 0.8) return;

        Topology other = new Case(c.spec(), c.n(), c.seed() + 1).build();

        assertThat(other).isNotEqualTo(c.build());
    }

    @Property(tries = 60)
    void lanczosAgreesWithTheDenseDecomposition(@ForAll("anyFamily") Case c) {
        Topology t = c.build();

        SpectralGap dense = MixingSpectrum.dense(t);
        SpectralGap lanczos = MixingSpectrum.lanczos(t, new SplittableRandom(c.seed()));

        assertThat(lanczos.converged()).isTrue();
        assertThat(lanczos.gap()).isCloseTo(dense.gap(), within(1e-9));
        assertThat(lanczos.lambda2()).isCloseTo(dense.lambda2(), within(1e-9));
        assertThat(lanczos.lambdaN()).isCloseTo(dense.lambdaN(), within(1e-9));
    }

    private static void assertRegular(Topology t, int d) {
        assertThat(t.minDegree()).isEqualTo(d);
        assertThat(t.maxDegree()).isEqualTo(d);
    }
}
