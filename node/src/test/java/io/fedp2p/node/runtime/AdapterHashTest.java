package io.fedp2p.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterModel;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.adapter.FedSbFactors;
import io.fedp2p.node.adapter.FedSbInit;
import io.fedp2p.node.adapter.LayerShape;
import io.fedp2p.node.adapter.ParamLayout;
import io.fedp2p.node.engine.ExchangeSetting;
import io.fedp2p.node.train.EvalSet;
import io.fedp2p.node.train.Evaluation;
import io.fedp2p.node.train.LocalTrainer;
import io.fedp2p.node.train.Task;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The adapter hash of gossip headers (ALGORITHMS.md §0.1, §7.5 #2, §3.9a): nodes whose Fed-SB factors differ, or
 * whose exchange modes differ, get different hashes, and every other setup keeps the hash it had before.
 */
class AdapterHashTest {
    private static final LayerShape LAYER = new LayerShape("fc1", 40, 12);
    private static final LayerShape HEAD = new LayerShape("head", 12, 10);

    /** The parts of a {@link Task} the hash reads, from an adapter model; the rest is never called here. */
    private record ModelTask(AdapterModel model) implements Task {
        @Override
        public String backboneHash() {
            return "00";
        }

        @Override
        public AdapterSpec adapterSpec() {
            return model.spec();
        }

        @Override
        public Optional<String> fedSbFactorsHash() {
            return model.fedSbFactorsHash();
        }

        @Override
        public ParamLayout layout() {
            return model.layout();
        }

        @Override
        public float[] initialVector() {
            return model.initialVector();
        }

        @Override
        public int numClasses() {
            return HEAD.out();
        }

        @Override
        public int numNodes() {
            return 1;
        }

        @Override
        public EvalSet testSet() {
            throw new UnsupportedOperationException();
        }

        @Override
        public LocalTrainer trainer(int node, RandomGenerator rng, IntUnaryOperator labelMap) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Evaluation> evaluateAll(List<float[]> thetas, EvalSet set) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }

    private static FedSbFactors factors(long gradientSeed) {
        RandomGenerator rng = new SeedTree(gradientSeed).rng("g", 0);
        double[] g = new double[LAYER.out() * LAYER.in()];
        for (int i = 0; i < g.length; i++) g[i] = rng.nextGaussian();
        return new FedSbFactors(List.of(FedSbInit.factors(LAYER, g, 0.01, 4)));
    }

    private static Task task(AdapterKind kind, FedSbFactors fedSb) {
        AdapterSpec spec = new AdapterSpec(kind, 4, 8f, List.of("fc1"), 0.5f);
        return new ModelTask(
                AdapterModel.create(spec, List.of(LAYER), HEAD, new float[120], new float[10], new SeedTree(7), fedSb));
    }

    @Test
    void differentFedSbFactorsGiveDifferentHashesAndEqualFactorsEqualOnes() {
        FedSbFactors f1 = factors(1);
        FedSbFactors f1again = factors(1);
        FedSbFactors f2 = factors(2);
        Task a = task(AdapterKind.FED_SB, f1);

        assertThat(a.fedSbFactorsHash()).contains(f1.hash());
        assertThat(AdapterHash.describe(a, 3, ExchangeSetting.FLOAT)).endsWith("|fedsb=" + f1.hash());
        assertThat(AdapterHash.of(task(AdapterKind.FED_SB, f1again), 3, ExchangeSetting.FLOAT))
                .isEqualTo(AdapterHash.of(a, 3, ExchangeSetting.FLOAT));
        assertThat(AdapterHash.of(task(AdapterKind.FED_SB, f2), 3, ExchangeSetting.FLOAT))
                .isNotEqualTo(AdapterHash.of(a, 3, ExchangeSetting.FLOAT));
    }

    @Test
    void otherAdaptersKeepTheirEarlierHashAndTheExchangeModeSeparatesFrlPeers() {
        Task ffa = task(AdapterKind.FFA_LORA, null);
        assertThat(ffa.fedSbFactorsHash()).isEmpty();
        // the text hashed before Fed-SB factors and exchange modes were added: float-mode peers stay compatible
        assertThat(AdapterHash.describe(ffa, 3, ExchangeSetting.FLOAT))
                .isEqualTo(
                        ffa.adapterSpec().describe() + "|seed=3|" + ffa.layout().describe());

        Task frl = task(AdapterKind.FRL_MASK, null);
        assertThat(AdapterHash.of(frl, 3, ExchangeSetting.FRL_NATIVE))
                .isNotEqualTo(AdapterHash.of(frl, 3, ExchangeSetting.FLOAT));
    }
}
