package io.fedp2p.node.runtime;

import io.fedp2p.node.encoder.EncoderModel;
import io.fedp2p.node.train.TopicTaskConfig;
import io.fedp2p.node.train.TopicTasks;
import java.util.List;
import java.util.Objects;

/**
 * Which task a node learns ({@code --task}) and, for {@code fortunes-topic}, on which pretrained encoder.
 *
 * @param name {@code fashion-mnist} (the default) or {@code fortunes-topic}
 * @param model {@code minilm} or {@code bge-small} (canonical name; ignored by {@code fashion-mnist})
 * @param frozenLayers L: the lowest L encoder layers are frozen and cached, adapters sit above
 * @param maxLength tokens per fortune, {@code [CLS]} and {@code [SEP]} included
 */
public record TaskChoice(String name, String model, int frozenLayers, int maxLength) {
    /** The task names {@code fedp2p node} knows. */
    public static final List<String> NAMES = List.of("fashion-mnist", TopicTasks.NAME);

    /** {@code fashion-mnist}. */
    public static final TaskChoice DEFAULT =
            new TaskChoice("fashion-mnist", "minilm", TopicTaskConfig.DEFAULT_FROZEN_LAYERS, 128);

    public TaskChoice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown task '" + name + "'; valid: " + String.join(", ", NAMES));
        }
        model = EncoderModel.parse(model).cliName();
        if (frozenLayers < 0) throw new IllegalArgumentException("frozen-layers must be >= 0");
        if (maxLength < 3) throw new IllegalArgumentException("max-length must be >= 3");
    }

    public boolean isTopic() {
        return name.equals(TopicTasks.NAME);
    }
}
