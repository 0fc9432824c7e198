package io.fedp2p.node.adapter;

import io.fedp2p.node.SeedTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The trainable vector of one adapter configuration and the network-wide frozen matrices around it, in plain Java
 * arrays (the DJL code reads them from here). Immutable and thread-safe.
 *
 * <p>Per adapted layer {@code W = W0 + s·B·M·A} with {@code M = I} (LoRA, FFA-LoRA), {@code M = R} (Fed-SB) or
 * {@code M = m(S) ⊙ R0} (FRL mask). Parameter names, sorted into the canonical layout (ALGORITHMS.md §0.1):
 * {@code <layer>.lora_A [r,in]}, {@code <layer>.lora_B [out,r]}, {@code <layer>.sb_R [r,r]}, {@code
 * <layer>.frl_scores [r,r]}, {@code head.bias [C]}, {@code head.weight [C,h]}.
 *
 * <p>Frozen matrices are seeded by {@code hash(globalSeed, "frozen", layer/matrix)} (§0.1), never per node:
 *
 * <ul>
 *   <li>A of LoRA (its initial value) and FFA-LoRA: Gaussian, std 1/√in (EXPERIMENTS.md);
 *   <li>FRL: A Gaussian std 1/√in, B Gaussian std 1/√r, R0 signed constant {@code ±gain/√r}, scores U(±1/√r).
 * </ul>
 */
public final class AdapterModel {
    /**
     * SPEC-GAP: ALGORITHMS.md §3.9a asks for "a small gain" for R0 without a value; 0.1 makes the initial
     * {@code s·B(m⊙R0)A·x} about a tenth of {@code W0·x}.
     */
    public static final double FRL_R0_GAIN = 0.1;

    private final AdapterSpec spec;
    private final List<LayerShape> targets;
    private final LayerShape head;
    private final ParamLayout layout;
    private final String fedSbHash;
    private final Map<String, float[]> frozen;
    private final float[] initial;

    private AdapterModel(
            AdapterSpec spec,
            List<LayerShape> targets,
            LayerShape head,
            Map<String, float[]> frozen,
            float[] initial,
            ParamLayout layout,
            String fedSbHash) {
        this.spec = spec;
        this.fedSbHash = fedSbHash;
        this.targets = List.copyOf(targets);
        this.head = head;
        this.frozen = Collections.unmodifiableMap(frozen);
        this.initial = initial;
        this.layout = layout;
    }

    /**
     * @param targets the adapted layers, in forward order, matching {@code spec.targets()}
     * @param head the head's shape ({@code in = h}, {@code out = C}) and its initial weights (row-major) and bias
     * @param fedSb the agreed factors, required for {@link AdapterKind#FED_SB}, ignored otherwise
     */
    public static AdapterModel create(
            AdapterSpec spec,
            List<LayerShape> targets,
            LayerShape head,
            float[] headWeight,
            float[] headBias,
            SeedTree seeds,
            FedSbFactors fedSb) {
        List<String> names = targets.stream().map(LayerShape::name).toList();
        if (!names.equals(spec.targets())) {
            throw new IllegalArgumentException("target shapes " + names + " do not match spec " + spec.targets());
        }
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("head.weight", new long[] {head.out(), head.in()});
        shapes.put("head.bias", new long[] {head.out()});
        Map<String, float[]> frozen = new LinkedHashMap<>();
        Map<String, float[]> init = new LinkedHashMap<>();
        init.put("head.weight", headWeight.clone());
        init.put("head.bias", headBias.clone());
        int r = spec.rank();
        for (LayerShape t : targets) {
            String n = t.name();
            switch (spec.kind()) {
                case LORA -> {
                    shapes.put(loraA(n), new long[] {r, t.in()});
                    shapes.put(loraB(n), new long[] {t.out(), r});
                    init.put(loraA(n), gaussian(seeds.frozen(n + "/A"), r * t.in(), 1 / Math.sqrt(t.in())));
                    init.put(loraB(n), new float[t.out() * r]);
                }
                case FFA_LORA -> {
                    shapes.put(loraB(n), new long[] {t.out(), r});
                    frozen.put(loraA(n), gaussian(seeds.frozen(n + "/A"), r * t.in(), 1 / Math.sqrt(t.in())));
                    init.put(loraB(n), new float[t.out() * r]);
                }
                case FED_SB -> {
                    Objects.requireNonNull(fedSb, "fed-sb needs agreed LoRA-SB factors");
                    FedSbFactors.Layer f = fedSb.layer(n);
                    if (!f.shape().equals(t) || f.rank() != r) {
                        throw new IllegalArgumentException("Fed-SB factors for " + f.shape() + " r=" + f.rank()
                                + " do not match " + t + " r=" + r);
                    }
                    shapes.put(sbR(n), new long[] {r, r});
                    frozen.put(loraA(n), f.a());
                    frozen.put(loraB(n), f.b());
                    init.put(sbR(n), f.r());
                }
                case FRL_MASK -> {
                    shapes.put(frlScores(n), new long[] {r, r});
                    frozen.put(loraA(n), gaussian(seeds.frozen(n + "/A"), r * t.in(), 1 / Math.sqrt(t.in())));
                    frozen.put(loraB(n), gaussian(seeds.frozen(n + "/B"), t.out() * r, 1 / Math.sqrt(r)));
                    frozen.put(frlR0(n), signedConstant(seeds.frozen(n + "/R0"), r * r, FRL_R0_GAIN / Math.sqrt(r)));
                    init.put(frlScores(n), uniform(seeds.frozen(n + "/scores"), r * r, 1 / Math.sqrt(r)));
                }
                case HEAD -> throw new IllegalArgumentException("head adapter has no targets");
            }
        }
        ParamLayout layout = ParamLayout.of(shapes);
        float[] initial = new float[layout.dimension()];
        for (Map.Entry<String, float[]> e : init.entrySet()) layout.put(initial, e.getKey(), e.getValue());
        String fedSbHash = spec.kind() == AdapterKind.FED_SB && fedSb != null ? fedSb.hash() : null;
        return new AdapterModel(spec, targets, head, frozen, initial, layout, fedSbHash);
    }

    public static String loraA(String layer) {
        return layer + ".lora_A";
    }

    public static String loraB(String layer) {
        return layer + ".lora_B";
    }

    public static String sbR(String layer) {
        return layer + ".sb_R";
    }

    public static String frlScores(String layer) {
        return layer + ".frl_scores";
    }

    static String frlR0(String layer) {
        return layer + ".frl_R0";
    }

    /**
     * {@link FedSbFactors#hash()} of the factors this model was built with ({@code fed-sb} only, empty otherwise): the
     * part of the adapter that is not a function of the spec and the seed (ALGORITHMS.md §7.5 #2).
     */
    public Optional<String> fedSbFactorsHash() {
        return Optional.ofNullable(fedSbHash);
    }

    public AdapterSpec spec() {
        return spec;
    }

    public List<LayerShape> targets() {
        return targets;
    }

    public LayerShape head() {
        return head;
    }

    public ParamLayout layout() {
        return layout;
    }

    /** A copy of the network-wide initial vector. */
    public float[] initialVector() {
        return initial.clone();
    }

    /** The A factor ({@code r × in}) of a layer under θ: trained for LoRA, frozen otherwise. */
    public float[] a(String layer, float[] theta) {
        return spec.kind() == AdapterKind.LORA ? layout.slice(theta, loraA(layer)) : frozen(loraA(layer));
    }

    /** The B factor ({@code out × r}) of a layer under θ: trained for LoRA and FFA-LoRA, frozen otherwise. */
    public float[] b(String layer, float[] theta) {
        AdapterKind k = spec.kind();
        return k == AdapterKind.LORA || k == AdapterKind.FFA_LORA
                ? layout.slice(theta, loraB(layer))
                : frozen(loraB(layer));
    }

    /** M ({@code r × r}) under θ: null for LoRA/FFA-LoRA (identity), R for Fed-SB, {@code m(S) ⊙ R0} for FRL. */
    public float[] mixing(String layer, float[] theta) {
        return switch (spec.kind()) {
            case FED_SB -> layout.slice(theta, sbR(layer));
            case FRL_MASK -> {
                float[] mask = frlMask(layout.slice(theta, frlScores(layer)), spec.frlKeep());
                float[] r0 = frozen(frlR0(layer));
                for (int i = 0; i < mask.length; i++) mask[i] *= r0[i];
                yield mask;
            }
            default -> null;
        };
    }

    /** FRL's frozen R0 ({@code r × r}) of a layer (copy). */
    public float[] r0(String layer) {
        return frozen(frlR0(layer));
    }

    private float[] frozen(String name) {
        float[] f = frozen.get(name);
        if (f == null) throw new IllegalArgumentException("no frozen matrix " + name);
        return f.clone();
    }

    /**
     * The dense update {@code ΔW = s·B·M·A} ({@code out × in}, row-major, fp64 accumulation) of one layer under θ.
     */
    public double[] denseDelta(String layer, float[] theta) {
        LayerShape t = targets.stream()
                .filter(x -> x.name().equals(layer))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an adapted layer: " + layer));
        int r = spec.rank();
        float[] a = a(layer, theta);
        float[] b = b(layer, theta);
        float[] m = mixing(layer, theta);
        double[] bm = new double[t.out() * r];
        for (int i = 0; i < t.out(); i++) {
            for (int k = 0; k < r; k++) {
                double s = 0;
                if (m == null) s = b[i * r + k];
                else for (int j = 0; j < r; j++) s += (double) b[i * r + j] * m[j * r + k];
                bm[i * r + k] = s;
            }
        }
        double scale = spec.scale();
        double[] dw = new double[t.out() * t.in()];
        for (int i = 0; i < t.out(); i++) {
            for (int k = 0; k < r; k++) {
                double f = scale * bm[i * r + k];
                if (f == 0) continue;
                for (int j = 0; j < t.in(); j++) dw[i * t.in() + j] += f * a[k * t.in() + j];
            }
        }
        return dw;
    }

    /**
     * FRL's supermask (ALGORITHMS.md §3.8 #1): 1 for the {@code ⌈keep·n⌉} largest signed scores, 0 elsewhere; ties go
     * to the lower index.
     */
    public static float[] frlMask(float[] scores, float keep) {
        int n = scores.length;
        int k = (int) Math.ceil(keep * n);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(
                order, (x, y) -> scores[x] != scores[y] ? Float.compare(scores[y], scores[x]) : Integer.compare(x, y));
        float[] mask = new float[n];
        for (int i = 0; i < k; i++) mask[order[i]] = 1f;
        return mask;
    }

    /** Names of the trainable tensors that belong to adapters (not the head). */
    public List<String> adapterParams() {
        List<String> out = new ArrayList<>();
        for (ParamLayout.Entry e : layout.entries()) if (!e.name().startsWith("head.")) out.add(e.name());
        return out;
    }

    static float[] gaussian(RandomGenerator rng, int n, double std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (rng.nextGaussian() * std);
        return v;
    }

    static float[] uniform(RandomGenerator rng, int n, double bound) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        return v;
    }

    static float[] signedConstant(RandomGenerator rng, int n, double magnitude) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (rng.nextBoolean() ? magnitude : -magnitude);
        return v;
    }
}
