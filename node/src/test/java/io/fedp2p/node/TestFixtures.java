package io.fedp2p.node;

import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.data.VisionData;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.VisionArch;
import io.fedp2p.node.train.EngineSetup;
import io.fedp2p.node.train.ProgressListener;
import io.fedp2p.node.train.TrainSettings;
import io.fedp2p.node.train.VisionPretraining;

/** Shared, lazily built test data: Fashion-MNIST from its Debian package, a small subset and a small backbone. */
public final class TestFixtures {
    private static FashionMnist full;
    private static FashionMnist small;
    private static Backbone smallBackbone;

    private TestFixtures() {}

    /** The whole dataset, loaded once per test JVM. */
    public static synchronized FashionMnist fashionMnist() {
        if (full == null) full = FashionMnist.load(FashionMnist.DEFAULT_DIR);
        return full;
    }

    /** The first 3,000 training and 1,000 test images: small enough for a feature cache in a unit test. */
    public static synchronized FashionMnist small() {
        if (small == null)
            small = new FashionMnist(
                    fashionMnist().train().head(3000), fashionMnist().test().head(1000));
        return small;
    }

    /** A cnn pretrained for 2 epochs on the first 500 images of classes 0–4 of {@link #small()} (transfer setting). */
    public static synchronized Backbone smallTransferBackbone() {
        if (smallBackbone == null) {
            EngineSetup.configure(1, 0);
            VisionPretraining.Spec spec = new VisionPretraining.Spec(
                    VisionArch.CNN,
                    500,
                    VisionData.parseClasses("0-4"),
                    2,
                    new TrainSettings(0.05f, 1f, 1, 32, 0f, 0.9f, 0f, true),
                    0);
            smallBackbone = VisionPretraining.pretrain(small(), spec, ProgressListener.NONE);
        }
        return smallBackbone;
    }
}
