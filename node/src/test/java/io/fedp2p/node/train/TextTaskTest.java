package io.fedp2p.node.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.FortuneCorpus;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.TinyGpt;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fortunes task on a miniature tiny-gpt (width 32, context 32): pretraining, then fine-tuning on a category. */
class TextTaskTest {
    @Test
    void corpusHasCategoriesWithHeldOutTails() {
        FortuneCorpus c = FortuneCorpus.load(FortuneCorpus.DEFAULT_DIR);
        assertThat(c.names()).containsAll(FortuneCorpus.DEFAULT_NODE_CATEGORIES);
        FortuneCorpus.Category comp = c.category("computers");
        assertThat((double) comp.tail().length / (comp.tail().length + comp.train().length))
                .isBetween(0.09, 0.11);
        assertThat(FortuneCorpus.character(FortuneCorpus.encode(new byte[] {'A'})[0]))
                .isEqualTo('A');
    }

    @Test
    void fineTuningAnAdapterLowersPerplexityOnTheNodesCategory() {
        EngineSetup.configure(1, 0);
        FortuneCorpus corpus = FortuneCorpus.load(FortuneCorpus.DEFAULT_DIR);
        TextPretraining.Spec spec = new TextPretraining.Spec(
                new TinyGpt(FortuneCorpus.VOCAB, 32, 2, 1, 32), List.of("magic", "goedel"), 60, 8, 1e-2f, 1);
        Backbone b = TextPretraining.pretrain(corpus, spec, ProgressListener.NONE);
        assertThat(b.meta().path("testPerplexity").asDouble()).isLessThan(FortuneCorpus.VOCAB);
        AdapterSpec adapter =
                AdapterSpec.of(AdapterKind.FFA_LORA, TextPretraining.model(b).defaultTargets());
        try (TextTask task = TextTask.create(corpus, b, adapter, List.of("pets", "news"), 1);
                LocalTrainer t = task.trainer(0, new SeedTree(1).rng("node", 0), y -> y)) {
            float[] theta = task.initialVector();
            double before = t.evaluate(theta, t.localValidation()).perplexity();
            float[] after = t.train(theta, new RoundPlan(0, 40, 8, 0.1f, 0.01f, 0.9f, 1f, false))
                    .vector();
            assertThat(t.evaluate(after, t.localValidation()).perplexity()).isLessThan(before);
            float[] again;
            try (LocalTrainer t2 = task.trainer(0, new SeedTree(1).rng("node", 0), y -> y)) {
                again = t2.train(theta, new RoundPlan(0, 40, 8, 0.1f, 0.01f, 0.9f, 1f, false))
                        .vector();
            }
            assertThat(Arrays.equals(after, again)).isTrue();
        }
    }
}
