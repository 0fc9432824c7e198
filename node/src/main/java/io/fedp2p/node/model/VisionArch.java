package io.fedp2p.node.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The vision backbones. Each is a frozen prefix (convolutions, or nothing) followed by dense layers, the last of
 * which is the classification head {@code head}.
 *
 * <ul>
 *   <li>{@link #CNN}, EXPERIMENTS.md's reference model: {@code conv1} 3×3 1→32 pad 1, ReLU, max-pool 2, {@code
 *       conv2} 3×3 32→64 pad 1, ReLU, max-pool 2, flatten (3,136), {@code fc1} 3136→128, ReLU, {@code head}
 *       128→10. 421,642 parameters (EXPERIMENTS.md's 448,858 also counts the r = 8 LoRA factors of both dense
 *       layers, 27,216).
 *   <li>{@link #MLP}: flatten 784, {@code fc1} 784→256, ReLU, {@code fc2} 256→128, ReLU, {@code head} 128→10.
 * </ul>
 */
public enum VisionArch {
    CNN("cnn", true, List.of(new Dense("fc1", 3136, 128), new Dense("head", 128, 10))),
    MLP("mlp", false, List.of(new Dense("fc1", 784, 256), new Dense("fc2", 256, 128), new Dense("head", 128, 10)));

    /** One dense layer: {@code y = x Wᵀ + b}, W is {@code out × in}. */
    public record Dense(String name, int in, int out) {
        public String weight() {
            return name + ".weight";
        }

        public String bias() {
            return name + ".bias";
        }
    }

    public static final String HEAD = "head";

    private final String cliName;
    private final boolean conv;
    private final List<Dense> dense;

    VisionArch(String cliName, boolean conv, List<Dense> dense) {
        this.cliName = cliName;
        this.conv = conv;
        this.dense = dense;
    }

    public String cliName() {
        return cliName;
    }

    /** True when the prefix has the two convolutions. */
    public boolean hasConvolutions() {
        return conv;
    }

    /** Dense layers in forward order; the last is the head. */
    public List<Dense> denseLayers() {
        return dense;
    }

    /** Index of a dense layer by name. */
    public int denseIndex(String name) {
        for (int i = 0; i < dense.size(); i++) if (dense.get(i).name().equals(name)) return i;
        return -1;
    }

    /** Names of the dense layers that may carry adapters (all but the head). */
    public List<String> adaptableLayers() {
        return dense.subList(0, dense.size() - 1).stream().map(Dense::name).toList();
    }

    /** The default adapter targets: the dense layers before the head. */
    public List<String> defaultTargets() {
        return adaptableLayers();
    }

    /** Width of the flattened prefix output (the first dense layer's input). */
    public int prefixWidth() {
        return dense.get(0).in();
    }

    /** Parameter names and shapes, in a stable order. */
    public Map<String, long[]> shapes() {
        Map<String, long[]> s = new LinkedHashMap<>();
        if (conv) {
            s.put("conv1.weight", new long[] {32, 1, 3, 3});
            s.put("conv1.bias", new long[] {32});
            s.put("conv2.weight", new long[] {64, 32, 3, 3});
            s.put("conv2.bias", new long[] {64});
        }
        for (Dense d : dense) {
            s.put(d.weight(), new long[] {d.out(), d.in()});
            s.put(d.bias(), new long[] {d.out()});
        }
        return s;
    }

    /** Fan-in of a parameter (for PyTorch's default init bound 1/√fan_in). */
    public int fanIn(String param) {
        if (param.startsWith("conv1")) return 9;
        if (param.startsWith("conv2")) return 32 * 9;
        for (Dense d : dense) if (param.startsWith(d.name() + ".")) return d.in();
        throw new IllegalArgumentException("unknown parameter " + param);
    }

    public static VisionArch parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (VisionArch a : values()) if (a.cliName.equals(n)) return a;
        throw new IllegalArgumentException("unknown vision model '" + name + "'; valid: cnn, mlp");
    }
}
