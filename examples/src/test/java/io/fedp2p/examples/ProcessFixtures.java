package io.fedp2p.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Data and backbone for tests and benchmarks that run whole {@code fedp2p} processes. */
public final class ProcessFixtures {
    private ProcessFixtures() {}

    /** A copy of Fashion-MNIST with the first {@code train} training and {@code test} test images. */
    public static void subset(Path dir, int train, int test) throws IOException {
        if (!java.nio.file.Files.exists(FashionMnistSubset.SOURCE)) {
            throw new AssertionError("Fashion-MNIST missing: apt-get install dataset-fashion-mnist");
        }
        FashionMnistSubset.write(dir, train, test);
    }

    /**
     * Pretrains a transfer-setting cnn backbone on the first 2,000 images (classes 0–4, 3 epochs) of {@code data}
     * with {@code fedp2p pretrain}; returns its file. The test accuracy is in {@code logs/pretrain.out}.
     */
    public static Path backbone(Path work, Path data) throws IOException, InterruptedException {
        Path file = work.resolve("backbone.fp2pbb");
        NodeProcess pre = NodeProcess.start(
                work.resolve("logs"),
                "pretrain",
                List.of(
                        "pretrain",
                        "--data-dir",
                        data.toString(),
                        "--public-size",
                        "2000",
                        "--public-classes",
                        "0-4",
                        "--epochs",
                        "3",
                        "--threads",
                        "2",
                        "--out",
                        file.toString(),
                        "--json"));
        if (!pre.process.waitFor(5, TimeUnit.MINUTES) || pre.process.exitValue() != 0) {
            throw new AssertionError("pretraining failed:\n" + NodeProcess.tail(pre.err()));
        }
        return file;
    }

    /** The backbone's test accuracy printed by {@link #backbone}. */
    public static double backboneAccuracy(Path work) throws IOException {
        String out = java.nio.file.Files.readString(work.resolve("logs").resolve("pretrain.out"));
        return new ObjectMapper().readTree(out).path("testAccuracy").asDouble();
    }

    public static NodeProcess start(Path logs, String name, List<String> args) throws IOException {
        return NodeProcess.start(logs, name, args);
    }
}
