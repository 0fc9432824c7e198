package io.fedp2p.node.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.SeedTree;
import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.data.VisionData;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.VisionArch;
import java.util.Arrays;

/**
 * {@code fedp2p pretrain} for vision: a backbone trained from scratch on the public split (EXPERIMENTS.md: first
 * 10,000 training images; classes 0–4 for the default transfer setting), evaluated on the official test set.
 */
public final class VisionPretraining {
    /** EXPERIMENTS.md: 5 epochs, SGD momentum 0.9, lr 0.05, batch 64. */
    public static final int DEFAULT_EPOCHS = 5;

    private VisionPretraining() {}

    /** What to pretrain. */
    public record Spec(
            VisionArch arch, int publicSize, boolean[] publicClasses, int epochs, TrainSettings settings, long seed) {
        public Spec {
            if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1");
            publicClasses = publicClasses.clone();
        }

        /** The transfer setting of EXPERIMENTS.md: cnn, 10,000 public images, classes 0–4, 5 epochs, seed 0. */
        public static Spec transferDefault(long seed) {
            return new Spec(
                    VisionArch.CNN,
                    10_000,
                    VisionData.parseClasses("0-4"),
                    DEFAULT_EPOCHS,
                    TrainSettings.CENTRALIZED,
                    seed);
        }

        /** A file-name-safe id of the settings, used by the backbone cache. */
        public String id() {
            return arch.cliName() + "-fmnist-p" + publicSize + "-c"
                    + VisionData.describeClasses(publicClasses).replace(',', '_') + "-e" + epochs + "-lr"
                    + settings.learningRate() + "-b" + settings.batchSize() + "-s" + seed;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Spec s && s.id().equals(id());
        }

        @Override
        public int hashCode() {
            return id().hashCode();
        }
    }

    /** Trains the backbone; its metadata records the settings and the test accuracy. */
    public static Backbone pretrain(FashionMnist data, Spec spec, ProgressListener progress) {
        VisionData split = new VisionData(data, spec.publicSize(), spec.publicClasses());
        int[] idx = split.pretrainIndices();
        if (idx.length == 0) throw new IllegalArgumentException("the public split has no image of the public classes");
        SeedTree seeds = new SeedTree(spec.seed());
        Backbone init = Backbone.initVision(spec.arch(), seeds.rng("backbone-init", 0));
        Backbone trained = FullModelTraining.train(
                init, data.train(), idx, spec.epochs(), spec.settings(), seeds.rng("pretrain-order", 0), progress);
        Evaluation test = FullModelTraining.evaluate(
                trained, data.test(), allIndices(data.test().size()));
        ObjectNode meta = new ObjectMapper().createObjectNode();
        meta.put("dataset", "fashion-mnist");
        meta.put("model", spec.arch().cliName());
        meta.put("publicSize", spec.publicSize());
        meta.put("publicClasses", VisionData.describeClasses(spec.publicClasses()));
        meta.put("pretrainImages", idx.length);
        meta.put("epochs", spec.epochs());
        meta.put("learningRate", spec.settings().learningRate());
        meta.put("momentum", spec.settings().momentum());
        meta.put("batchSize", spec.settings().batchSize());
        meta.put("seed", spec.seed());
        meta.put("testAccuracy", test.accuracy());
        meta.put("testLoss", test.meanLoss());
        return trained.withMeta(meta);
    }

    static int[] allIndices(int n) {
        int[] a = new int[n];
        Arrays.setAll(a, i -> i);
        return a;
    }
}
