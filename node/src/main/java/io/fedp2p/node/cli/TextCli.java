package io.fedp2p.node.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.DatasetFormatException;
import io.fedp2p.node.data.FortuneCorpus;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.BackboneFile;
import io.fedp2p.node.model.TinyGpt;
import io.fedp2p.node.train.Evaluation;
import io.fedp2p.node.train.LocalTrainer;
import io.fedp2p.node.train.RoundPlan;
import io.fedp2p.node.train.TextPretraining;
import io.fedp2p.node.train.TextTask;
import io.fedp2p.node.train.TrainReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The text (fortunes, tiny-gpt) halves of {@code pretrain} and {@code train}. */
final class TextCli {
    private TextCli() {}

    static FortuneCorpus corpus(CommandSpec spec, Path dataDir) {
        try {
            return FortuneCorpus.load(dataDir == null ? FortuneCorpus.DEFAULT_DIR : dataDir);
        } catch (DatasetFormatException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static ObjectNode pretrain(
            CommandSpec spec, Path dataDir, String model, Integer steps, Float lr, long seed, Path out) {
        if (model != null && !model.equals(TinyGpt.NAME)) {
            throw new ParameterException(spec.commandLine(), "the fortunes dataset needs --model tiny-gpt");
        }
        FortuneCorpus corpus = corpus(spec, dataDir);
        TextPretraining.Spec d = TextPretraining.Spec.defaults(corpus, seed);
        TextPretraining.Spec s = new TextPretraining.Spec(
                d.shape(),
                d.categories(),
                steps == null ? d.steps() : steps,
                d.batch(),
                lr == null ? d.lr() : lr,
                seed);
        Backbone b;
        try (Progress p = new Progress("pretrain tiny-gpt")) {
            b = TextPretraining.pretrain(corpus, s, p);
        }
        BackboneFile.save(b, out);
        ObjectNode r = Json.object();
        r.put("dataset", "fortunes");
        r.put("model", TinyGpt.NAME);
        r.put("testPerplexity", b.meta().path("testPerplexity").asDouble());
        r.put("sha256", b.hash());
        r.put("parameters", b.parameterCount());
        r.put("pretrainCategories", b.meta().path("pretrainCategories").asText());
        r.put("steps", s.steps());
        return r;
    }

    /** Fine-tunes an adapter on one category and reports perplexity on its held-out tail, before and after. */
    static ObjectNode train(
            CommandSpec spec,
            Path dataDir,
            Backbone backbone,
            String adapter,
            int rank,
            float alpha,
            List<String> targets,
            float frlKeep,
            String category,
            int epochs,
            RoundPlan plan,
            long seed) {
        FortuneCorpus corpus = corpus(spec, dataDir);
        TinyGpt g = TextPretraining.model(backbone);
        AdapterSpec aspec;
        try {
            AdapterKind kind = AdapterKind.parse(adapter);
            if (kind == AdapterKind.FED_SB)
                throw new IllegalArgumentException("fed-sb is implemented for the vision task only");
            List<String> tg = kind == AdapterKind.HEAD ? List.of() : targets != null ? targets : g.defaultTargets();
            aspec = new AdapterSpec(kind, rank, alpha, tg, frlKeep);
            corpus.category(category);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (TextTask task = TextTask.create(corpus, backbone, aspec, List.of(category), seed);
                LocalTrainer trainer = task.trainer(0, new SeedTree(seed).rng("node", 0), y -> y);
                Progress p = new Progress("train " + aspec.kind() + " on " + category)) {
            float[] theta = task.initialVector();
            Evaluation before = trainer.evaluate(theta, task.testSet(0));
            int perEpoch = (trainer.trainSize() + plan.batchSize() - 1) / plan.batchSize();
            long t0 = System.nanoTime();
            for (int e = 0, done = 0; e < epochs; e++) {
                for (int left = perEpoch; left > 0; left -= 10) {
                    int k = Math.min(10, left);
                    TrainReport r = trainer.train(theta, plan.withLocalSteps(k).withCarry(done > 0));
                    theta = r.vector();
                    done += k;
                    p.progress(done, (long) perEpoch * epochs, String.format(Locale.ROOT, "loss %.3f", r.meanLoss()));
                }
            }
            double epochSeconds = (System.nanoTime() - t0) / 1e9 / epochs;
            Evaluation after = trainer.evaluate(theta, task.testSet(0));
            ObjectNode o = Json.object();
            o.put("category", category);
            o.put("adapter", aspec.describe());
            o.put("backbonePerplexity", before.perplexity());
            o.put("testPerplexity", after.perplexity());
            o.put("testAccuracy", after.accuracy());
            o.set("perClassAccuracy", Json.array(after.perClassAccuracy()));
            o.put("trainableParams", task.dimension());
            o.put("adapterBytes", 4L * task.dimension());
            o.put("epochSeconds", epochSeconds);
            return o;
        }
    }
}
