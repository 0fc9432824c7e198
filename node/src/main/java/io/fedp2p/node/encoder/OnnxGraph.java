package io.fedp2p.node.encoder;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fedp2p.node.onnx.proto.OnnxSubset;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model's graph, indexed for walking: initializers by name, the node producing each value and the nodes
 * consuming it. Reads float32 and int64 tensors stored inline ({@code raw_data} little-endian, or the typed data
 * fields); external data is refused. Immutable after construction.
 */
public final class OnnxGraph {
    /** ONNX {@code TensorProto.DataType} codes used here. */
    static final int FLOAT = 1;

    static final int INT64 = 7;

    private final OnnxSubset.Model model;
    private final Map<String, OnnxSubset.Tensor> initializers = new HashMap<>();
    private final Map<String, OnnxSubset.Node> producers = new HashMap<>();
    private final Map<String, List<OnnxSubset.Node>> consumers = new HashMap<>();

    private OnnxGraph(OnnxSubset.Model model) {
        this.model = model;
        OnnxSubset.Graph g = model.getGraph();
        for (OnnxSubset.Tensor t : g.getInitializerList()) initializers.put(t.getName(), t);
        for (OnnxSubset.Node n : g.getNodeList()) {
            for (String out : n.getOutputList()) producers.put(out, n);
            for (String in : n.getInputList()) {
                consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
            }
        }
    }

    /**
     * Parses a serialised {@code ModelProto}.
     *
     * @throws IllegalArgumentException when the bytes are not an ONNX model with a graph
     */
    public static OnnxGraph parse(byte[] bytes) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(ByteBuffer.wrap(bytes));
            in.setSizeLimit(Integer.MAX_VALUE);
            in.enableAliasing(true);
            OnnxSubset.Model m = OnnxSubset.Model.parseFrom(in);
            if (!m.hasGraph() || m.getGraph().getNodeCount() == 0) {
                throw new IllegalArgumentException("not an ONNX model: no graph nodes");
            }
            return new OnnxGraph(m);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an ONNX model (" + e.getMessage() + ")", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The parsed model message. */
    public OnnxSubset.Model model() {
        return model;
    }

    /** The producer name and version recorded in the file, e.g. {@code pytorch 2.0.1}. */
    public String producer() {
        return (model.getProducerName() + " " + model.getProducerVersion()).trim();
    }

    /** Number of initializer tensors (the weights). */
    public int initializerCount() {
        return initializers.size();
    }

    public boolean hasInitializer(String name) {
        return initializers.containsKey(name);
    }

    /** The dims of an initializer; throws naming it when absent. */
    public long[] dims(String name) {
        OnnxSubset.Tensor t = initializer(name);
        return t.getDimsList().stream().mapToLong(Long::longValue).toArray();
    }

    /** A float32 initializer's values, row-major. */
    public float[] floats(String name) {
        return floats(initializer(name));
    }

    /** The node whose output is {@code value}, or null (graph inputs and initializers have none). */
    public OnnxSubset.Node producer(String value) {
        return producers.get(value);
    }

    /** The nodes reading {@code value}, in graph order. */
    public List<OnnxSubset.Node> consumers(String value) {
        return Collections.unmodifiableList(consumers.getOrDefault(value, List.of()));
    }

    /** The single tensor value of a {@code Constant} node producing {@code value}, or null when it is not one. */
    public OnnxSubset.Tensor constant(String value) {
        OnnxSubset.Node n = producers.get(value);
        if (n == null) return initializers.get(value);
        if (!n.getOpType().equals("Constant")) return null;
        for (OnnxSubset.Attribute a : n.getAttributeList()) {
            if (a.getName().equals("value") && a.hasT()) return a.getT();
        }
        return null;
    }

    /** The first value of a scalar or one-element constant, as a double; null when {@code value} is not constant. */
    public Double scalar(String value) {
        OnnxSubset.Tensor t = constant(value);
        if (t == null) return null;
        if (t.getDataType() == FLOAT) {
            float[] f = floats(t);
            return f.length == 1 ? (double) f[0] : null;
        }
        if (t.getDataType() == INT64) {
            long[] l = longs(t);
            return l.length == 1 ? (double) l[0] : null;
        }
        return null;
    }

    /** An attribute of a node, or null. */
    public static OnnxSubset.Attribute attribute(OnnxSubset.Node n, String name) {
        for (OnnxSubset.Attribute a : n.getAttributeList()) if (a.getName().equals(name)) return a;
        return null;
    }

    private OnnxSubset.Tensor initializer(String name) {
        OnnxSubset.Tensor t = initializers.get(name);
        if (t == null) throw new IllegalArgumentException("the ONNX graph has no initializer '" + name + "'");
        return t;
    }

    static float[] floats(OnnxSubset.Tensor t) {
        if (t.getDataType() != FLOAT) {
            throw new IllegalArgumentException(
                    "tensor '" + t.getName() + "' has ONNX data type " + t.getDataType() + ", expected float32 (1)");
        }
        checkInline(t);
        long count = count(t);
        if (t.hasRawData()) {
            ByteString raw = t.getRawData();
            if (raw.size() != count * 4) {
                throw new IllegalArgumentException(
                        "tensor '" + t.getName() + "': " + raw.size() + " raw bytes for " + count + " float32 values");
            }
            float[] out = new float[(int) count];
            raw.asReadOnlyByteBuffer()
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer()
                    .get(out);
            return out;
        }
        if (t.getFloatDataCount() != count) {
            throw new IllegalArgumentException(
                    "tensor '" + t.getName() + "': " + t.getFloatDataCount() + " values for " + count);
        }
        float[] out = new float[(int) count];
        for (int i = 0; i < out.length; i++) out[i] = t.getFloatData(i);
        return out;
    }

    static long[] longs(OnnxSubset.Tensor t) {
        if (t.getDataType() != INT64) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' is not int64");
        }
        checkInline(t);
        long count = count(t);
        if (t.hasRawData()) {
            ByteString raw = t.getRawData();
            if (raw.size() != count * 8) throw new IllegalArgumentException("tensor '" + t.getName() + "': bad size");
            long[] out = new long[(int) count];
            raw.asReadOnlyByteBuffer()
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asLongBuffer()
                    .get(out);
            return out;
        }
        if (t.getInt64DataCount() != count)
            throw new IllegalArgumentException("tensor '" + t.getName() + "': bad size");
        long[] out = new long[(int) count];
        for (int i = 0; i < out.length; i++) out[i] = t.getInt64Data(i);
        return out;
    }

    private static void checkInline(OnnxSubset.Tensor t) {
        if (t.getDataLocation() != 0 || t.getExternalDataCount() > 0) {
            throw new IllegalArgumentException("tensor '" + t.getName() + "' keeps its data in an external file, "
                    + "which fedp2p does not read; export the model with the weights inside the .onnx file");
        }
    }

    private static long count(OnnxSubset.Tensor t) {
        long n = 1;
        for (long d : t.getDimsList()) {
            if (d < 0) throw new IllegalArgumentException("tensor '" + t.getName() + "' has a negative dimension");
            n *= d;
            if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("tensor '" + t.getName() + "' too large");
        }
        return n;
    }
}
