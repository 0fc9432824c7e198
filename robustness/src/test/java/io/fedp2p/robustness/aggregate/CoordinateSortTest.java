package io.fedp2p.robustness.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.robustness.TestVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class CoordinateSortTest {

    @Test
    void theNetworkSortsEveryZeroOneInputUpToSixteenRows() {
        // 0-1 principle: a comparator network that sorts every 0/1 input sorts every input
        for (int m = 1; m <= 16; m++) {
            int[] net = CoordinateSort.network(m);
            for (int mask = 0; mask < (1 << m); mask++) {
                int[] v = new int[m];
                for (int k = 0; k < m; k++) v[k] = (mask >> k) & 1;
                for (int c = 0; c < net.length; c += 2) {
                    int a = v[net[c]];
                    int b = v[net[c + 1]];
                    v[net[c]] = Math.min(a, b);
                    v[net[c + 1]] = Math.max(a, b);
                }
                for (int k = 1; k < m; k++)
                    assertThat(v[k - 1]).as("m = " + m + ", input " + mask).isLessThanOrEqualTo(v[k]);
            }
        }
    }

    @Test
    void mediansMatchASortPerCoordinateForLargerNeighbourhoods() {
        RandomGenerator rng = TestVectors.rng(3);
        for (int m : new int[] {17, 24, 33, 40}) {
            List<float[]> xs = new ArrayList<>();
            for (int k = 0; k < m; k++) xs.add(TestVectors.gaussian(rng, 3000, 0, 1));

            float[] median = CoordinateSort.reduce(xs, CoordinateSort::median);

            for (int e = 0; e < 3000; e += 97) {
                float[] col = new float[m];
                for (int k = 0; k < m; k++) col[k] = xs.get(k)[e];
                Arrays.sort(col);
                float expected = m % 2 == 1 ? col[m / 2] : (float) (((double) col[m / 2 - 1] + col[m / 2]) / 2);
                assertThat(median[e]).isEqualTo(expected);
            }
        }
    }
}
