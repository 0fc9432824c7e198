package io.fedp2p.node.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fedp2p.node.SeedTree;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class FedSbInitTest {
    private static final LayerShape L = new LayerShape("fc1", 30, 8);

    private static double[] gradient(long seed) {
        RandomGenerator rng = new SeedTree(seed).rng("g", 0);
        double[] g = new double[L.in() * L.out()];
        for (int i = 0; i < g.length; i++) g[i] = rng.nextGaussian();
        return g;
    }

    @Test
    void factorsAreOrthonormalAndReproduceTheTruncatedUpdate() {
        double[] g = gradient(1);
        int r = 8; // full rank of an 8×30 matrix: B R A must equal −η G exactly
        FedSbFactors.Layer f = FedSbInit.factors(L, g, 0.01, r);
        float[] b = f.b();
        float[] a = f.a();
        float[] rr = f.r();
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                double bb = 0;
                double aa = 0;
                for (int k = 0; k < L.out(); k++) bb += b[k * r + i] * b[k * r + j];
                for (int k = 0; k < L.in(); k++) aa += a[i * L.in() + k] * a[j * L.in() + k];
                assertThat(bb).isCloseTo(i == j ? 1 : 0, within(1e-5));
                assertThat(aa).isCloseTo(i == j ? 1 : 0, within(1e-5));
            }
            if (i > 0) assertThat(rr[i * r + i]).isLessThanOrEqualTo(rr[(i - 1) * r + i - 1]);
        }
        AdapterModel m = AdapterModel.create(
                new AdapterSpec(AdapterKind.FED_SB, r, 16f, List.of("fc1"), 0.5f),
                List.of(L),
                new LayerShape("head", 8, 10),
                new float[80],
                new float[10],
                new SeedTree(0),
                new FedSbFactors(List.of(f)));
        double[] dw = m.denseDelta("fc1", m.initialVector()); // scale 1 for Fed-SB
        for (int i = 0; i < dw.length; i++) assertThat(dw[i]).isCloseTo(-0.01 * g[i], within(1e-6));
    }

    @Test
    void sameGradientGivesBitIdenticalFactorsAndHash() {
        FedSbFactors x = new FedSbFactors(List.of(FedSbInit.factors(L, gradient(2), 0.01, 4)));
        FedSbFactors y = new FedSbFactors(List.of(FedSbInit.factors(L, gradient(2), 0.01, 4)));
        FedSbFactors z = new FedSbFactors(List.of(FedSbInit.factors(L, gradient(3), 0.01, 4)));
        assertThat(x.hash()).isEqualTo(y.hash()).isNotEqualTo(z.hash());
        assertThat(x.layer("fc1").b()).containsExactly(y.layer("fc1").b());
    }
}
