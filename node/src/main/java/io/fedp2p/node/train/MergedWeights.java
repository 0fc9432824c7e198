package io.fedp2p.node.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterModel;
import io.fedp2p.node.adapter.LayerShape;
import io.fedp2p.node.model.Scalars;
import java.util.Map;

/**
 * {@code W0 + s·B·M·A} as a DJL array, differentiable in the trained factor (ALGORITHMS.md §7; FRL's mask with a
 * straight-through gradient, §3.1: {@code M = R0 ⊙ (m + S − stopgrad(S))}).
 */
final class MergedWeights {
    private MergedWeights() {}

    /**
     * @param p the trainable arrays of θ by layout name (created in {@code m})
     * @param w0 the frozen weight; the result lands in {@code m} whatever manager {@code w0} belongs to
     */
    static NDArray merged(
            NDManager m, AdapterModel adapter, LayerShape t, float[] theta, Map<String, NDArray> p, NDArray w0) {
        int r = adapter.spec().rank();
        String n = t.name();
        AdapterKind kind = adapter.spec().kind();
        NDArray b = kind == AdapterKind.LORA || kind == AdapterKind.FFA_LORA
                ? p.get(AdapterModel.loraB(n))
                : m.create(adapter.b(n, theta), new Shape(t.out(), r));
        NDArray a = kind == AdapterKind.LORA
                ? p.get(AdapterModel.loraA(n))
                : m.create(adapter.a(n, theta), new Shape(r, t.in()));
        NDArray bm = b;
        if (kind == AdapterKind.FED_SB) {
            bm = b.matMul(p.get(AdapterModel.sbR(n)));
        } else if (kind == AdapterKind.FRL_MASK) {
            NDArray s = p.get(AdapterModel.frlScores(n));
            float[] scores = adapter.layout().slice(theta, AdapterModel.frlScores(n));
            NDArray mask = m.create(AdapterModel.frlMask(scores, adapter.spec().frlKeep()), new Shape(r, r));
            NDArray straightThrough = mask.add(s).sub(s.stopGradient());
            bm = b.matMul(straightThrough.mul(m.create(adapter.r0(n), new Shape(r, r))));
        }
        return Scalars.mul(bm.matMul(a), adapter.spec().scale()).add(w0);
    }
}
