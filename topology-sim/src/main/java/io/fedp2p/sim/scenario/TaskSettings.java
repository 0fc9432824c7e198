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
 * @param name {@code fashion-mnist} (the DJL model, transfer setting by default), {@code fortunes-topic} (8 fortune
 *     topics on a pretrained sentence encoder) or {@code vector}
 * @param adapter adapter kind of the DJL task ({@code ffa-lora} by default)
 * @param rank adapter rank r
 * @param partition how the non-public training data is split among nodes
 * @param backbone frozen backbone file, or null for the cached transfer-setting backbone (EXPERIMENTS.md)
 * @param dataDir Fashion-MNIST (or fortunes) directory, or null for the Debian package's location
 * @param cacheDir where the default backbone is cached, or null for the default cache
 * @param vector the synthetic problem of the vector task
 * @param exchangeMode {@code float}, or {@code frl-native} (ALGORITHMS.md §3.9a: rankings voted on, the head as
 *     floats; only with {@code fashion-mnist} and the {@code frl-mask} adapter)
 * @param topic the encoder settings of the {@code fortunes-topic} task
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
        ExchangeSetting exchangeMode,
        TopicSettings topic) {
    /** The task names {@code fedp2p sim} knows. */
    public static final List<String> NAMES = List.of("fashion-mnist", "fortunes-topic", "vector");

    public TaskSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(vector, "vector");
        Objects.requireNonNull(exchangeMode, "exchangeMode");
        Objects.requireNonNull(topic, "topic");
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown task '" + name + "'; valid: " + String.join(", ", NAMES));
        }
        if (rank < 1) throw new IllegalArgumentException("rank must be >= 1");
        if (exchangeMode != ExchangeSetting.FLOAT && !name.equals("fashion-mnist")) {
            throw new IllegalArgumentException("exchange mode " + exchangeMode.id() + " needs task fashion-mnist");
        }
    }

    public boolean isVector() {
        return name.equals("vector");
    }

    public boolean isTopic() {
        return name.equals("fortunes-topic");
    }

    /**
     * The {@code fortunes-topic} task's encoder settings, as for {@code fedp2p train --task fortunes-topic}.
     *
     * @param model {@code minilm} (all-MiniLM-L6-v2) or {@code bge-small}
     * @param frozenLayers L: the lowest L encoder layers are frozen and cached once per JVM, shared by every node
     * @param maxLength tokens per entry ({@code [CLS]} and {@code [SEP]} included)
     */
    public record TopicSettings(String model, int frozenLayers, int maxLength) {
        /**
         * minilm, L = 4 as for {@code fedp2p train --task fortunes-topic}, but 64 tokens instead of train's 128.
         * SPEC-GAP: issue 11 does not fix the length; a training batch is padded to its longest entry, so 64 tokens
         * halve a step's cost (about 20% of the fortunes are longer and get truncated).
         */
        public static final TopicSettings DEFAULTS = new TopicSettings("minilm", 4, 64);

        public TopicSettings {
            Objects.requireNonNull(model, "model");
            if (frozenLayers < 0) throw new IllegalArgumentException("frozen-layers must be >= 0");
            if (maxLength < 3) throw new IllegalArgumentException("max-length must be >= 3");
        }
    }
}
