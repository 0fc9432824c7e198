package io.fedp2p.node.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.fedp2p.node.adapter.AdapterModel;
import io.fedp2p.node.adapter.LayerShape;
import io.fedp2p.node.adapter.ParamLayout;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.VisionArch;
import io.fedp2p.node.model.VisionNet;
import java.util.HashMap;
import java.util.Map;

/**
 * The uncached reference path: the whole network from images, each adapted layer's weight merged densely as
 * {@code W0 + s·B·M·A}, gradients by DJL autograd (serialised by {@link Autograd}). Independent of
 * {@link SuffixNet}'s cache and hand-written backward; the two must agree (tested), which checks both.
 */
final class ReferenceNet {
    private final VisionArch arch;
    private final AdapterModel adapter;
    private final Map<String, NDArray> frozen = new HashMap<>();
    private final int numClasses;

    ReferenceNet(VisionArch arch, Backbone backbone, AdapterModel adapter, NDManager shared) {
        this.arch = arch;
        this.adapter = adapter;
        for (ParamLayout.Entry e : backbone.layout().entries()) {
            frozen.put(e.name(), shared.create(backbone.param(e.name()), new Shape(e.shapeArray())));
        }
        this.numClasses = arch.denseLayers().get(arch.denseLayers().size() - 1).out();
    }

    /** Logits of θ on normalised images ({@code n × 784}); gradients reach θ's arrays when {@code grad} is true. */
    private NDArray logits(NDManager m, float[] theta, NDArray images, Map<String, NDArray> trainables, boolean grad) {
        ParamLayout l = adapter.layout();
        for (ParamLayout.Entry e : l.entries()) {
            NDArray a = m.create(l.slice(theta, e.name()), new Shape(e.shapeArray()));
            if (grad) a.setRequiresGradient(true);
            trainables.put(e.name(), a);
        }
        Map<String, NDArray> merged = new HashMap<>();
        for (LayerShape t : adapter.targets())
            merged.put(
                    t.name() + ".weight",
                    MergedWeights.merged(m, adapter, t, theta, trainables, frozen.get(t.name() + ".weight")));
        return VisionNet.logits(arch, images, name -> {
            if (name.startsWith("head.")) return trainables.get(name);
            NDArray w = merged.get(name);
            return w != null ? w : frozen.get(name);
        });
    }

    NDArray logits(NDManager m, float[] theta, NDArray images) {
        return logits(m, theta, images, new HashMap<>(), false);
    }

    float lossAndGradient(NDManager m, float[] theta, NDArray images, int[] labels, float[] grad) {
        Map<String, NDArray> p = new HashMap<>();
        float loss = Autograd.backward(
                () -> ConfusionCounter.crossEntropy(logits(m, theta, images, p, true), labels, numClasses));
        ParamLayout l = adapter.layout();
        for (ParamLayout.Entry e : l.entries()) {
            System.arraycopy(p.get(e.name()).getGradient().toFloatArray(), 0, grad, e.offset(), e.size());
        }
        return loss;
    }
}
