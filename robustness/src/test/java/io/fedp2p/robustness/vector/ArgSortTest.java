package io.fedp2p.robustness.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ArgSortTest {

    @Test
    void sortsAscendingWithTiesByIndexAndNegativeZeroEqualToZero() {
        double[] keys = {3.0, -1.0, 3.0, 0.0, -0.0, -7.5, 1e300, -1e-300};

        int[] order = ArgSort.ascending(keys);

        // -7.5 (5), -1 (1), -1e-300 (7), 0.0 (3) and -0.0 (4) tie -> index order, 3 (0), 3 (2) tie, 1e300 (6)
        assertThat(order).containsExactly(5, 1, 7, 3, 4, 0, 2, 6);
    }

    @Test
    void positionsInvertTheOrder() {
        int[] order = {2, 0, 1};

        assertThat(ArgSort.positions(order)).containsExactly(1, 2, 0);
    }

    @Test
    void rejectsNaN() {
        assertThatThrownBy(() -> ArgSort.ascending(new float[] {1f, Float.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 1");
    }

    @Property(tries = 200)
    void agreesWithAStableComparisonSort(@ForAll float[] keys) {
        float[] clean = keys.clone();
        for (int i = 0; i < clean.length; i++) if (Float.isNaN(clean[i])) clean[i] = 0f;
        Integer[] expected = new Integer[clean.length];
        for (int i = 0; i < clean.length; i++) expected[i] = i;
        Arrays.sort(
                expected,
                Comparator.comparingDouble((Integer i) -> clean[i] + 0.0).thenComparingInt(i -> i));

        int[] order = ArgSort.ascending(clean);

        assertThat(Arrays.stream(order).boxed().toArray(Integer[]::new)).containsExactly(expected);
    }
}
