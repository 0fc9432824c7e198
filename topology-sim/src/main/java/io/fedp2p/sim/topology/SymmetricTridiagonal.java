package io.fedp2p.sim.topology;

/**
 * Eigenvalue tools for the symmetric tridiagonal matrix T that the Lanczos process builds: diagonal
 * {@code a[0..m-1]}, off-diagonal {@code b[0..m-2]}. Only the extreme eigenvalues are needed, so this uses Sturm
 * sequence bisection (O(m) per step, about 60 steps to full double precision) rather than a full O(m²)
 * decomposition, and a twisted factorisation (Dhillon–Parlett) for the last component of an eigenvector, which
 * gives the Lanczos residual bound {@code |β_m · s_m|}.
 */
final class SymmetricTridiagonal {
    private static final double EPS = Math.ulp(1.0);
    private static final double HUGE = 1e150;

    private final double[] a;
    private final double[] b;
    private final int m;
    private final double pivotMin;
    private final double lower; // Gershgorin interval holding every eigenvalue
    private final double upper;

    SymmetricTridiagonal(double[] a, double[] b, int m) {
        if (m < 1) throw new IllegalArgumentException("empty tridiagonal matrix");
        this.a = a;
        this.b = b;
        this.m = m;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double maxB2 = 0.0;
        for (int k = 0; k < m; k++) {
            double r = (k > 0 ? Math.abs(b[k - 1]) : 0.0) + (k < m - 1 ? Math.abs(b[k]) : 0.0);
            lo = Math.min(lo, a[k] - r);
            hi = Math.max(hi, a[k] + r);
            if (k < m - 1) maxB2 = Math.max(maxB2, b[k] * b[k]);
        }
        double norm = Math.max(Math.abs(lo), Math.abs(hi));
        this.pivotMin = Math.max(Double.MIN_NORMAL, EPS * EPS * Math.max(maxB2, norm * norm));
        this.lower = lo - 2 * EPS * norm - pivotMin;
        this.upper = hi + 2 * EPS * norm + pivotMin;
    }

    /** The number of eigenvalues strictly less than {@code x} (Sturm count from the LDLᵀ pivots of T − xI). */
    int countBelow(double x) {
        int count = 0;
        double q = a[0] - x;
        if (Math.abs(q) < pivotMin) q = -pivotMin;
        if (q < 0) count++;
        for (int k = 1; k < m; k++) {
            q = a[k] - x - b[k - 1] * b[k - 1] / q;
            if (Math.abs(q) < pivotMin) q = -pivotMin;
            if (q < 0) count++;
        }
        return count;
    }

    /** The {@code k}-th smallest eigenvalue, {@code 0 <= k < m}, by bisection to full precision. */
    double eigenvalue(int k) {
        if (k < 0 || k >= m) throw new IndexOutOfBoundsException("eigenvalue " + k + " of " + m);
        double lo = lower;
        double hi = upper;
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi || hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi)) + pivotMin) {
                return mid;
            }
            if (countBelow(mid) > k) hi = mid;
            else lo = mid;
        }
    }

    /**
     * The last component of the unit eigenvector for the eigenvalue {@code theta} (which must be accurate to about
     * machine precision), by a twisted factorisation of T − θI: the forward LDLᵀ and backward UDUᵀ pivots meet at the
     * index r where the vector is best determined, and the vector follows from two short recurrences.
     */
    double lastEigenvectorComponent(double theta) {
        if (m == 1) return 1.0;
        double[] forward = new double[m];
        double[] backward = new double[m];
        forward[0] = guard(a[0] - theta);
        for (int k = 1; k < m; k++) forward[k] = guard(a[k] - theta - b[k - 1] * b[k - 1] / forward[k - 1]);
        backward[m - 1] = guard(a[m - 1] - theta);
        for (int k = m - 2; k >= 0; k--) backward[k] = guard(a[k] - theta - b[k] * b[k] / backward[k + 1]);
        int twist = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            double gamma = Math.abs(forward[k] + backward[k] - (a[k] - theta));
            if (gamma < best) {
                best = gamma;
                twist = k;
            }
        }
        double[] z = new double[m];
        z[twist] = 1.0;
        for (int k = twist - 1; k >= 0; k--) {
            z[k] = -(b[k] / forward[k]) * z[k + 1];
            if (Math.abs(z[k]) > HUGE) rescale(z);
        }
        for (int k = twist; k < m - 1; k++) {
            z[k + 1] = -(b[k] / backward[k + 1]) * z[k];
            if (Math.abs(z[k + 1]) > HUGE) rescale(z);
        }
        double scale = 0.0;
        for (double v : z) scale = Math.max(scale, Math.abs(v));
        double norm2 = 0.0;
        for (double v : z) norm2 += (v / scale) * (v / scale);
        return (z[m - 1] / scale) / Math.sqrt(norm2);
    }

    // Keeps the twisted recurrences finite; only the direction of z matters.
    private static void rescale(double[] z) {
        for (int i = 0; i < z.length; i++) z[i] /= HUGE;
    }

    private double guard(double pivot) {
        return Math.abs(pivot) < pivotMin ? -pivotMin : pivot;
    }
}
