package io.fedp2p.sim.scenario;

import io.fedp2p.node.data.PartitionSpec;
import io.fedp2p.node.engine.ExchangeSetting;
import io.fedp2p.sim.task.VectorSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the simulated nodes learn.
 *
 * @param name {@code fashion-mnist} (the DJL model, transfer setting by default) or {@code vector}
 * @param adapter adapter kind of the DJL task ({@code ffa-lora} by default)
 * @param rank adapter rank r
 * @param partition how the non-public training data is split among nodes
 * @param backbone frozen backbone file, or null for the cached transfer-setting backbone (EXPERIMENTS.md)
 * @param dataDir Fashion-MNIST directory, or null for the Debian package's
 * @param cacheDir where the default backbone is cached, or null for the default cache
 * @param vector the synthetic problem of the vector task
 * @param exchangeMode {@code float}, or {@code frl-native} (ALGORITHMS.md §3.9a: rankings voted on, the head as
 *     floats; only with {@code fashion-mnist} and the {@code frl-mask} adapter)
 */
public record TaskSettings(
        String name,
        String adapter,
        int rank,
        PartitionSpec partition,
        Path backbone,
        Path dataDir,
        Path cacheDir,
        VectorSpec vector,
        ExchangeSetting exchangeMode) {
    /** The task names {@code fedp2p sim} knows. */
    public static final List<String> NAMES = List.of("fashion-mnist", "vector");

    public TaskSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(exchangeMode, "exchangeMode");
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown task '" + name + "'; valid: " + String.join(", ", NAMES));
        }
        if (rank < 1) throw new IllegalArgumentException("rank must be >= 1");
        if (exchangeMode != ExchangeSetting.FLOAT && name.equals("vector")) {
            throw new IllegalArgumentException("exchange mode " + exchangeMode.id() + " needs task fashion-mnist");
        }
    }

    public boolean isVector() {
        return name.equals("vector");
    }
}
