package io.fedp2p.node.train;

import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.BackboneFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Pretrain on first use and cache": returns the backbone file of a pretraining spec from a cache directory,
 * training and saving it first when it is missing. Safe when several processes ask at once (a file lock in the
 * cache directory serialises them; the first trains, the others then load its file). Pretraining runs on one
 * intra-op thread whatever the engine's setting, so that machines agree on the bytes and the hash; nodes must
 * still compare backbone hashes, since other CPU families may round differently.
 */
public final class BackboneCache {
    private static final Logger log = LoggerFactory.getLogger(BackboneCache.class);

    private BackboneCache() {}

    /** A cached backbone: its file and its content hash. */
    public record Entry(Path file, String sha256, Backbone backbone) {}

    /** {@code $XDG_CACHE_HOME/fedp2p}, else {@code ~/.cache/fedp2p}. */
    public static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "fedp2p");
        return Path.of(System.getProperty("user.home"), ".cache", "fedp2p");
    }

    /** The default transfer-setting backbone (EXPERIMENTS.md), trained if missing. */
    public static Entry transferBackbone(Path cacheDir, Path dataDir, ProgressListener progress) {
        return get(cacheDir, dataDir, VisionPretraining.Spec.transferDefault(0), progress);
    }

    /** The backbone of {@code spec}, trained if missing. */
    public static Entry get(Path cacheDir, Path dataDir, VisionPretraining.Spec spec, ProgressListener progress) {
        Path file = cacheDir.resolve(spec.id() + ".fp2pbb");
        try {
            Files.createDirectories(cacheDir);
            try (FileChannel ch = FileChannel.open(
                            cacheDir.resolve(spec.id() + ".lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    FileLock lock = ch.lock()) {
                if (Files.exists(file)) {
                    Backbone b = BackboneFile.load(file);
                    return new Entry(file, b.hash(), b);
                }
                log.info("pretraining backbone {} (first use; cached in {})", spec.id(), cacheDir);
                // PyTorch's float results depend on the intra-op thread count; one thread makes every machine (of
                // the same CPU family) train the same bytes, so independently started nodes share one hash.
                int threads = EngineSetup.threads();
                Backbone b;
                try {
                    EngineSetup.setThreads(1);
                    b = VisionPretraining.pretrain(FashionMnist.load(dataDir), spec, progress);
                } finally {
                    EngineSetup.setThreads(threads);
                }
                BackboneFile.save(b, file);
                log.info(
                        "backbone {} sha256 {} test accuracy {}",
                        file,
                        b.hash(),
                        b.meta().path("testAccuracy"));
                return new Entry(file, b.hash(), b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("backbone cache " + cacheDir + ": " + e.getMessage(), e);
        }
    }
}
