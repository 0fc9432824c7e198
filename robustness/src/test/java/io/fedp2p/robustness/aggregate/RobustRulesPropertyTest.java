package io.fedp2p.robustness.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.robustness.TestVectors;
import io.fedp2p.robustness.vector.Vectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the robust rules (ALGORITHMS.md §5): the coordinate-wise rules stay inside the benign vectors'
 * bounding box and clipping stays within its radius whatever f &lt; n/2 vectors the attacker chooses; symmetric rules
 * do not depend on input order.
 */
class RobustRulesPropertyTest {

    /** h benign vectors in [−10, 10]^d followed by f arbitrary ones (huge, tiny, signed, identical). */
    static List<float[]> mixed(long seed, int h, int f, int d) {
        RandomGenerator rng = TestVectors.rng(seed);
        List<float[]> xs = new ArrayList<>();
        for (int k = 0; k < h; k++) {
            float[] v = new float[d];
            for (int e = 0; e < d; e++) v[e] = (float) (20 * rng.nextDouble() - 10);
            xs.add(v);
        }
        float[] shared = new float[d];
        for (int e = 0; e < d; e++) shared[e] = (float) ((rng.nextBoolean() ? 1 : -1) * Math.pow(10, rng.nextInt(9)));
        for (int k = 0; k < f; k++) {
            float[] v = rng.nextBoolean() ? shared.clone() : new float[d];
            if (v[0] == 0)
                for (int e = 0; e < d; e++) v[e] = (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(7)));
            xs.add(v);
        }
        return xs;
    }

    static void assertInsideBenignBox(float[] out, List<float[]> xs, int h) {
        for (int e = 0; e < out.length; e++) {
            float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < h; k++) {
                lo = Math.min(lo, xs.get(k)[e]);
                hi = Math.max(hi, xs.get(k)[e]);
            }
            assertThat(out[e]).isBetween(lo - 1e-4f, hi + 1e-4f);
        }
    }

    @Property(tries = 150)
    void medianStaysInsideTheBenignBox(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int h, @ForAll @IntRange(min = 1, max = 5) int d) {
        int f = (int) Math.floorMod(seed, h); // f < h, i.e. f < n/2
        List<float[]> xs = mixed(seed, h, f, d);

        assertInsideBenignBox(
                new CoordinateMedian().aggregate(VectorSet.uniform(xs, -1)).vector(), xs, h);
    }

    @Property(tries = 150)
    void trimmedMeanWithBAtLeastFStaysInsideTheBenignBox(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int h, @ForAll @IntRange(min = 1, max = 5) int d) {
        int f = (int) Math.floorMod(seed, h);
        List<float[]> xs = mixed(seed, h, f, d);

        assertInsideBenignBox(
                new TrimmedMean(f).aggregate(VectorSet.uniform(xs, -1)).vector(), xs, h);
    }

    @Property(tries = 150)
    void clippedGossipMovesTheOwnVectorByAtMostTau(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int h, @ForAll @IntRange(min = 1, max = 5) int d) {
        int f = (int) Math.floorMod(seed, h);
        List<float[]> xs = mixed(seed, h, f, d);
        double tau = 0.5 + Math.floorMod(seed, 7);

        float[] out = new ClippedGossip(new ClippingRadius.Fixed(tau))
                .aggregate(VectorSet.uniform(xs, 0))
                .vector();

        // x_i + Σ W_ij CLIP(·, τ) with Σ_{j≠i} W_ij < 1
        assertThat(Vectors.distance(out, xs.get(0))).isLessThanOrEqualTo(tau * (1 + 1e-5));
    }

    @Property(tries = 150)
    void centeredClippingMovesTheCentreByAtMostTauPerIteration(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int h, @ForAll @IntRange(min = 1, max = 4) int it) {
        int f = (int) Math.floorMod(seed, h);
        List<float[]> xs = mixed(seed, h, f, 3);

        float[] out = new CenteredClipping(1.0, it, CenteredClipping.Start.OWN)
                .aggregate(VectorSet.uniform(xs, 0))
                .vector();

        assertThat(Vectors.distance(out, xs.get(0))).isLessThanOrEqualTo(it * (1 + 1e-5));
    }

    @Property(tries = 100)
    void symmetricRulesIgnoreInputOrder(@ForAll long seed, @ForAll @IntRange(min = 5, max = 9) int m) {
        List<float[]> xs = mixed(seed, m - 1, 1, 3);
        List<float[]> shuffled = new ArrayList<>(xs);
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 0, m / 2);
        List<Aggregator> rules = List.of(
                new CoordinateMedian(),
                new TrimmedMean(1),
                GeometricMedian.DEFAULT,
                new Krum(1),
                new CenteredClipping(1, 2, CenteredClipping.Start.ZERO));

        for (Aggregator rule : rules) {
            float[] a = rule.aggregate(VectorSet.uniform(xs, -1)).vector();
            float[] b = rule.aggregate(VectorSet.uniform(shuffled, -1)).vector();
            for (int e = 0; e < a.length; e++) {
                assertThat(b[e])
                        .as(rule.name())
                        .isCloseTo(a[e], org.assertj.core.api.Assertions.within(1e-5f * (1 + Math.abs(a[e]))));
            }
        }
    }

    @Property(tries = 50)
    void sameInputSameOutputBitForBit(@ForAll long seed) {
        List<float[]> xs = mixed(seed, 6, 2, 4);
        for (Aggregator rule : List.of(new CoordinateMedian(), GeometricMedian.DEFAULT, new MultiKrum(2, 0))) {
            assertThat(rule.aggregate(VectorSet.uniform(xs, -1)).vector())
                    .containsExactly(rule.aggregate(VectorSet.uniform(xs, -1)).vector());
        }
    }
}
