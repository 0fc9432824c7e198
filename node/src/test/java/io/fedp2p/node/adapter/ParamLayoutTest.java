package io.fedp2p.node.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamLayoutTest {
    @Test
    void ordersBySortedNameWhateverTheInputOrder() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("head.weight", new long[] {2, 3});
        shapes.put("fc1.lora_B", new long[] {4, 2});
        shapes.put("head.bias", new long[] {2});
        ParamLayout l = ParamLayout.of(shapes);
        assertThat(l.entries())
                .extracting(ParamLayout.Entry::name)
                .containsExactly("fc1.lora_B", "head.bias", "head.weight");
        assertThat(l.entry("head.bias").offset()).isEqualTo(8);
        assertThat(l.entry("head.weight").offset()).isEqualTo(10);
        assertThat(l.dimension()).isEqualTo(16);
    }

    @Test
    void flattenAndUnflattenRoundTrip() {
        Map<String, long[]> shapes = Map.of("a", new long[] {2, 2}, "b", new long[] {3});
        ParamLayout l = ParamLayout.of(shapes);
        float[] theta = new float[l.dimension()];
        l.put(theta, "b", new float[] {7, 8, 9});
        l.put(theta, "a", new float[] {1, 2, 3, 4}); // row-major 2×2
        assertThat(theta).containsExactly(1, 2, 3, 4, 7, 8, 9);
        assertThat(l.slice(theta, "a")).containsExactly(1, 2, 3, 4);
        assertThat(l.slice(theta, "b")).containsExactly(7, 8, 9);
    }

    @Test
    void rejectsVectorsOfTheWrongLength() {
        ParamLayout l = ParamLayout.of(Map.of("a", new long[] {2}));
        assertThatThrownBy(() -> l.slice(new float[3], "a")).hasMessageContaining("3 values, layout needs 2");
    }
}
