package io.fedp2p.node.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterModel;
import io.fedp2p.node.adapter.ParamLayout;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.Scalars;
import io.fedp2p.node.model.VisionArch;
import java.util.List;

/**
 * The adapted suffix of a vision backbone on cached rows, with a hand-written backward pass (no autograd, so nodes
 * can train on several threads at once; DJL allows one gradient collector per process).
 *
 * <p>Stages are the dense layers from the first adapted one (or the head) to the head. A stage computes
 * {@code z = x W0ᵀ + b + s·(((x Aᵀ) Mᵀ) Bᵀ)}; when the first stage's A is frozen its rows hold {@code [x W0ᵀ + b |
 * x Aᵀ]} already. Backward, with {@code g_z = ∂L/∂z}, {@code u = x Aᵀ}, {@code v = u Mᵀ}:
 *
 * <pre>
 * ∂L/∂B = s·g_zᵀ v      g_v = s·g_z B      ∂L/∂M = g_vᵀ u      g_u = g_v M      ∂L/∂A = g_uᵀ x
 * g_x   = g_z W0 + g_u A                     (then through the previous stage's ReLU)
 * FRL: M = m(S) ⊙ R0 and ∂L/∂S = ∂L/∂M ⊙ R0 (straight-through, ALGORITHMS.md §3.1)
 * </pre>
 *
 * Frozen backbone arrays live in the task's shared manager and are only ever the second operand of an operation, so
 * results land in the caller's manager. Thread-safe.
 */
final class SuffixNet {
    private final AdapterModel adapter;
    private final int numClasses;
    private final VisionArch.Dense[] stages;
    private final boolean[] adapted;
    private final boolean projected;
    private final NDArray[] w0t;
    private final NDArray[] w0;
    private final NDArray[] bias;

    SuffixNet(
            VisionArch arch, Backbone backbone, AdapterModel adapter, int first, boolean projected, NDManager shared) {
        this.adapter = adapter;
        List<VisionArch.Dense> layers = arch.denseLayers();
        int n = layers.size() - first;
        this.numClasses = layers.get(layers.size() - 1).out();
        this.stages = layers.subList(first, layers.size()).toArray(new VisionArch.Dense[0]);
        this.adapted = new boolean[n];
        this.projected = projected;
        this.w0t = new NDArray[n];
        this.w0 = new NDArray[n];
        this.bias = new NDArray[n];
        List<String> targets = adapter.spec().targets();
        for (int s = 0; s < n - 1; s++) {
            VisionArch.Dense d = stages[s];
            adapted[s] = targets.contains(d.name());
            NDArray w = shared.create(backbone.param(d.weight()), new Shape(d.out(), d.in()));
            w0[s] = w;
            w0t[s] = w.transpose().duplicate();
            bias[s] = shared.create(backbone.param(d.bias()), new Shape(d.out()));
        }
    }

    /** Per-call arrays of one θ. */
    private final class Params {
        final NDArray[] a = new NDArray[stages.length];
        /** s·B ({@code out × r}) and s·Bᵀ: the scale is folded in on the Java side. */
        final NDArray[] bs = new NDArray[stages.length];

        final NDArray[] bsT = new NDArray[stages.length];
        final NDArray[] mix = new NDArray[stages.length];
        final NDArray[] r0 = new NDArray[stages.length];
        final NDArray headW;
        final NDArray headB;
        final float scale = adapter.spec().scale();

        Params(NDManager m, float[] theta) {
            ParamLayout l = adapter.layout();
            VisionArch.Dense h = stages[stages.length - 1];
            headW = m.create(l.slice(theta, "head.weight"), new Shape(h.out(), h.in()));
            headB = m.create(l.slice(theta, "head.bias"), new Shape(h.out()));
            int r = adapter.spec().rank();
            for (int s = 0; s < stages.length - 1; s++) {
                if (!adapted[s]) continue;
                VisionArch.Dense d = stages[s];
                if (s > 0 || !projected) a[s] = m.create(adapter.a(d.name(), theta), new Shape(r, d.in()));
                float[] b = adapter.b(d.name(), theta);
                float[] bt = new float[b.length];
                for (int i = 0; i < d.out(); i++) {
                    for (int k = 0; k < r; k++) {
                        b[i * r + k] *= scale;
                        bt[k * d.out() + i] = b[i * r + k];
                    }
                }
                bs[s] = m.create(b, new Shape(d.out(), r));
                bsT[s] = m.create(bt, new Shape(r, d.out()));
                float[] mx = adapter.mixing(d.name(), theta);
                if (mx != null) mix[s] = m.create(mx, new Shape(r, r));
                if (adapter.spec().kind() == AdapterKind.FRL_MASK)
                    r0[s] = m.create(adapter.r0(d.name()), new Shape(r, r));
            }
        }
    }

    /** Intermediate values of one forward pass. */
    private final class Pass {
        final NDArray[] in = new NDArray[stages.length];
        final NDArray[] u = new NDArray[stages.length];
        final NDArray[] v = new NDArray[stages.length];
        NDArray logits;
    }

    private Pass forward(Params p, NDArray rows) {
        Pass f = new Pass();
        NDArray x = rows;
        for (int s = 0; s < stages.length; s++) {
            VisionArch.Dense d = stages[s];
            if (s == stages.length - 1) {
                f.in[s] = x;
                f.logits = x.matMul(p.headW.transpose()).add(p.headB);
                break;
            }
            NDArray z;
            if (s == 0 && projected) {
                z = x.get(":, 0:" + d.out());
                f.u[s] = x.get(":, " + d.out() + ":");
            } else {
                f.in[s] = x;
                z = x.matMul(w0t[s]).add(bias[s]);
                if (adapted[s]) f.u[s] = x.matMul(p.a[s].transpose());
            }
            if (adapted[s]) {
                f.v[s] = p.mix[s] == null ? f.u[s] : f.u[s].matMul(p.mix[s].transpose());
                z = z.add(f.v[s].matMul(p.bsT[s]));
            }
            x = Scalars.maximum(z, 0f);
        }
        return f;
    }

    /** Logits ({@code n × C}) of θ on a batch of rows. */
    NDArray logits(NDManager m, float[] theta, NDArray rows) {
        return forward(new Params(m, theta), rows).logits;
    }

    /** Mean cross-entropy of θ on a batch. */
    float loss(NDManager m, float[] theta, NDArray rows, int[] labels) {
        return ConfusionCounter.crossEntropy(logits(m, theta, rows), labels, numClasses)
                .getFloat();
    }

    /** Writes ∂L/∂θ into {@code grad} (layout order) and returns the mean cross-entropy L. */
    float lossAndGradient(NDManager m, float[] theta, NDArray rows, int[] labels, float[] grad) {
        Params p = new Params(m, theta);
        Pass f = forward(p, rows);
        int n = labels.length;
        NDArray logp = f.logits.logSoftmax(1);
        float[] lp = logp.toFloatArray();
        float[] target = new float[n * numClasses];
        double nll = 0;
        for (int i = 0; i < n; i++) {
            nll -= lp[i * numClasses + labels[i]];
            target[i * numClasses + labels[i]] = 1f / n;
        }
        float loss = (float) (nll / n);
        // ∂L/∂logits = (softmax − onehot)/n
        NDArray g = Scalars.div(logp.exp(), n).sub(m.create(target, new Shape(n, numClasses)));
        ParamLayout l = adapter.layout();
        int h = stages.length - 1;
        put(l, grad, "head.weight", g.transpose().matMul(f.in[h]));
        put(l, grad, "head.bias", g.sum(new int[] {0}));
        NDArray gx = h > 0 ? g.matMul(p.headW) : null;
        AdapterKind kind = adapter.spec().kind();
        for (int s = h - 1; s >= 0; s--) {
            String name = stages[s].name();
            NDArray gz = gx.mul(f.in[s + 1].sign()); // ReLU: its output is > 0 exactly where z > 0
            NDArray gu = null;
            if (adapted[s]) {
                NDArray gv = gz.matMul(p.bs[s]);
                if (kind == AdapterKind.LORA || kind == AdapterKind.FFA_LORA) {
                    put(l, grad, AdapterModel.loraB(name), gz.transpose().matMul(f.v[s]), p.scale);
                }
                if (p.mix[s] != null) {
                    NDArray gm = gv.transpose().matMul(f.u[s]);
                    if (kind == AdapterKind.FED_SB) put(l, grad, AdapterModel.sbR(name), gm);
                    else put(l, grad, AdapterModel.frlScores(name), gm.mul(p.r0[s]));
                    gu = gv.matMul(p.mix[s]);
                } else {
                    gu = gv;
                }
                if (kind == AdapterKind.LORA)
                    put(l, grad, AdapterModel.loraA(name), gu.transpose().matMul(f.in[s]));
            }
            if (s > 0) {
                gx = gz.matMul(w0[s]);
                if (gu != null) gx = gx.add(gu.matMul(p.a[s]));
            }
        }
        return loss;
    }

    private static void put(ParamLayout l, float[] grad, String name, NDArray value) {
        put(l, grad, name, value, 1f);
    }

    private static void put(ParamLayout l, float[] grad, String name, NDArray value, float scale) {
        ParamLayout.Entry e = l.entry(name);
        float[] v = value.toFloatArray();
        if (scale != 1f) for (int i = 0; i < v.length; i++) v[i] *= scale;
        if (v.length != e.size())
            throw new IllegalStateException("gradient of " + name + " has " + v.length + " values");
        System.arraycopy(v, 0, grad, e.offset(), e.size());
    }
}
