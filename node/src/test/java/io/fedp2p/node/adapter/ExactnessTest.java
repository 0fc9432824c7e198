package io.fedp2p.node.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.node.SeedTree;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * ALGORITHMS.md §7: averaging adapters equals averaging the dense ΔW for FFA-LoRA and Fed-SB (ΔW is linear in the
 * trained factor), not for plain LoRA (the error is (1/n)Σ(B_j − B̄)(A_j − Ā)).
 */
class ExactnessTest {
    private static final LayerShape LAYER = new LayerShape("fc1", 40, 12);
    private static final LayerShape HEAD = new LayerShape("head", 12, 10);

    private static AdapterModel model(AdapterKind kind) {
        FedSbFactors fedSb = null;
        if (kind == AdapterKind.FED_SB) {
            RandomGenerator rng = new SeedTree(1).rng("g", 0);
            double[] g = new double[LAYER.out() * LAYER.in()];
            for (int i = 0; i < g.length; i++) g[i] = rng.nextGaussian();
            fedSb = new FedSbFactors(List.of(FedSbInit.factors(LAYER, g, 0.01, 4)));
        }
        AdapterSpec spec = new AdapterSpec(kind, 4, 8f, List.of("fc1"), 0.5f);
        return AdapterModel.create(spec, List.of(LAYER), HEAD, new float[120], new float[10], new SeedTree(7), fedSb);
    }

    /** Three "trained" vectors: the initial one plus independent noise on every trainable coordinate. */
    private static float[][] nodes(AdapterModel m) {
        float[][] v = new float[3][];
        for (int j = 0; j < 3; j++) {
            RandomGenerator rng = new SeedTree(100 + j).rng("node", j);
            v[j] = m.initialVector();
            for (int i = 0; i < v[j].length; i++) v[j][i] += (float) (rng.nextGaussian() * 0.3);
        }
        return v;
    }

    /** max |ΔW(mean θ) − mean ΔW(θ_j)| relative to max |mean ΔW|. */
    private static double averagingGap(AdapterModel m) {
        float[][] v = nodes(m);
        float[] mean = new float[v[0].length];
        for (float[] x : v) for (int i = 0; i < mean.length; i++) mean[i] += x[i] / 3f;
        double[] ofMean = m.denseDelta("fc1", mean);
        double[] meanOf = new double[ofMean.length];
        for (float[] x : v) {
            double[] d = m.denseDelta("fc1", x);
            for (int i = 0; i < d.length; i++) meanOf[i] += d[i] / 3;
        }
        double gap = 0;
        double scale = 0;
        for (int i = 0; i < ofMean.length; i++) {
            gap = Math.max(gap, Math.abs(ofMean[i] - meanOf[i]));
            scale = Math.max(scale, Math.abs(meanOf[i]));
        }
        return gap / scale;
    }

    @Test
    void ffaLoraAveragingIsExact() {
        assertThat(averagingGap(model(AdapterKind.FFA_LORA))).isLessThan(1e-6);
    }

    @Test
    void fedSbAveragingIsExact() {
        assertThat(averagingGap(model(AdapterKind.FED_SB))).isLessThan(1e-6);
    }

    @Test
    void plainLoraAveragingIsNot() {
        // with B and A both moved by independent noise of 0.3, the cross term is of the order of ΔW itself
        assertThat(averagingGap(model(AdapterKind.LORA))).isGreaterThan(0.05);
    }

    @Test
    void frozenFactorsAreNetworkWideAndDifferPerLayer() {
        AdapterSpec spec = new AdapterSpec(AdapterKind.FFA_LORA, 4, 8f, List.of("fc1", "fc2"), 0.5f);
        List<LayerShape> two = List.of(LAYER, new LayerShape("fc2", 40, 12));
        AdapterModel a = AdapterModel.create(spec, two, HEAD, new float[120], new float[10], new SeedTree(7), null);
        AdapterModel b = AdapterModel.create(spec, two, HEAD, new float[120], new float[10], new SeedTree(7), null);
        float[] t = a.initialVector();
        assertThat(a.a("fc1", t)).containsExactly(b.a("fc1", t)); // same seed, same matrix on every node
        assertThat(a.a("fc1", t)).isNotEqualTo(a.a("fc2", t)); // same shape, different layer: different matrix
    }
}
