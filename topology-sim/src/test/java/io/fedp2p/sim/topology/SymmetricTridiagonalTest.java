package io.fedp2p.sim.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SymmetricTridiagonalTest {

    @Test
    void bisectionFindsTheEigenvaluesOfTheSecondDifferenceMatrix() {
        // tridiag(−1, 2, −1) of order m has eigenvalues 2 − 2cos(kπ/(m+1)), k = 1..m.
        int m = 50;
        double[] a = new double[m];
        double[] b = new double[m - 1];
        java.util.Arrays.fill(a, 2.0);
        java.util.Arrays.fill(b, -1.0);
        SymmetricTridiagonal t = new SymmetricTridiagonal(a, b, m);

        for (int k = 0; k < m; k++) {
            assertThat(t.eigenvalue(k)).isCloseTo(2 - 2 * Math.cos((k + 1) * Math.PI / (m + 1)), within(1e-14));
        }
        assertThat(t.countBelow(2.0)).isEqualTo(m / 2);
    }

    @Test
    void lastEigenvectorComponentMatchesTheSineVector() {
        // Eigenvector k of tridiag(−1, 2, −1): v_j = sin(jkπ/(m+1)), j = 1..m; its unit last component is
        // sin(mkπ/(m+1)) / sqrt((m+1)/2) up to sign.
        int m = 40;
        double[] a = new double[m];
        double[] b = new double[m - 1];
        java.util.Arrays.fill(a, 2.0);
        java.util.Arrays.fill(b, -1.0);
        SymmetricTridiagonal t = new SymmetricTridiagonal(a, b, m);

        for (int k : new int[] {1, 7, 40}) {
            double expected = Math.sin(m * k * Math.PI / (m + 1)) / Math.sqrt((m + 1) / 2.0);
            assertThat(Math.abs(t.lastEigenvectorComponent(t.eigenvalue(k - 1))))
                    .isCloseTo(Math.abs(expected), within(1e-10));
        }
    }

    @Test
    void stronglyLocalisedEigenvectorGivesAFiniteTinyLastComponent() {
        // A diagonally dominant chain: the eigenvector of the smallest eigenvalue decays by about 1e-3/k per step,
        // so its last component underflows towards 0 but must stay a finite number (it feeds the residual bound).
        int m = 400;
        double[] a = new double[m];
        double[] b = new double[m - 1];
        for (int i = 0; i < m; i++) a[i] = i;
        java.util.Arrays.fill(b, 1e-3);
        SymmetricTridiagonal t = new SymmetricTridiagonal(a, b, m);

        double last = t.lastEigenvectorComponent(t.eigenvalue(0));

        assertThat(Double.isFinite(last)).isTrue();
        assertThat(Math.abs(last)).isLessThan(1e-100);
    }
}
