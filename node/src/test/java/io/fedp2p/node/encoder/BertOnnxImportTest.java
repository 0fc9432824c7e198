package io.fedp2p.node.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.fedp2p.node.onnx.proto.OnnxSubset;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BertOnnxImportTest {
    private static OnnxSubset.Tensor floats(String name, long... dims) {
        int n = 1;
        for (long d : dims) n *= (int) d;
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) b.putFloat(i);
        return OnnxSubset.Tensor.newBuilder()
                .setName(name)
                .setDataType(1)
                .addAllDims(java.util.Arrays.stream(dims).boxed().toList())
                .setRawData(ByteString.copyFrom(b.array()))
                .build();
    }

    private static OnnxSubset.Graph.Builder embeddingsOnly() {
        return OnnxSubset.Graph.newBuilder()
                .addNode(OnnxSubset.Node.newBuilder()
                        .setOpType("Identity")
                        .addInput("input_ids")
                        .addOutput("y"))
                .addInitializer(floats("embeddings.word_embeddings.weight", 10, 4))
                .addInitializer(floats("embeddings.position_embeddings.weight", 8, 4))
                .addInitializer(floats("embeddings.token_type_embeddings.weight", 2, 4))
                .addInitializer(floats("embeddings.LayerNorm.weight", 4))
                .addInitializer(floats("embeddings.LayerNorm.bias", 4));
    }

    private static byte[] model(OnnxSubset.Graph.Builder g) {
        return OnnxSubset.Model.newBuilder().setIrVersion(6).setGraph(g).build().toByteArray();
    }

    @Test
    void aGraphWithoutLayersNamesWhatIsMissing() {
        assertThatThrownBy(() -> BertOnnxImport.load("x", model(embeddingsOnly()), "00", Pooling.MEAN))
                .hasMessageContaining("did not find encoder.layer.0.attention.self.query.bias");
    }

    @Test
    void aBiasWithoutItsMatMulNamesTheBias() {
        OnnxSubset.Graph.Builder g = embeddingsOnly()
                .addInitializer(floats("encoder.layer.0.attention.self.query.bias", 4))
                .addNode(OnnxSubset.Node.newBuilder()
                        .setOpType("Add")
                        .addInput("encoder.layer.0.attention.self.query.bias")
                        .addInput("y")
                        .addOutput("z"));
        assertThatThrownBy(() -> BertOnnxImport.load("x", model(g), "00", Pooling.MEAN))
                .hasMessageContaining("MatMul(x, W) + encoder.layer.0.attention.self.query.bias");
    }

    @Test
    void notAnOnnxFileIsRefused() {
        assertThatThrownBy(() -> OnnxGraph.parse(new byte[] {1, 2, 3, 4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an ONNX model");
    }

    @Test
    void weightsMapThroughTheGraphNotThroughTheirPosition() throws Exception {
        byte[] original;
        try (var in = EncoderModel.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2.onnx")) {
            original = in.readAllBytes();
        }
        PretrainedEncoder a = BertOnnxImport.load("minilm", original, "00", Pooling.MEAN);
        OnnxSubset.Model m = OnnxGraph.parse(original).model();
        List<OnnxSubset.Tensor> inits = new ArrayList<>(m.getGraph().getInitializerList());
        Collections.reverse(inits);
        byte[] shuffled = m.toBuilder()
                .setGraph(m.getGraph().toBuilder().clearInitializer().addAllInitializer(inits))
                .build()
                .toByteArray();
        PretrainedEncoder b = BertOnnxImport.load("minilm", shuffled, "00", Pooling.MEAN);
        assertThat(b.config()).isEqualTo(a.config());
        assertThat(a.config()).isEqualTo(new BertConfig(6, 384, 12, 1536, 30522, 512, 2, 1e-12f));
        for (String n : a.names()) assertThat(b.param(n)).as(n).isEqualTo(a.param(n));
        assertThat(a.parameterCount()).isEqualTo(a.config().parameterCount());
        // the anonymous matrices really differ by role: q and k of layer 0 are not the same tensor
        assertThat(a.param("layer.0.q.weight")).isNotEqualTo(a.param("layer.0.k.weight"));
    }
}
