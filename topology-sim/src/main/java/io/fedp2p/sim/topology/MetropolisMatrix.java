package io.fedp2p.sim.topology;

import org.ejml.data.DMatrixRMaj;

/**
 * The Metropolis–Hastings mixing matrix W of a {@link Topology} (ALGORITHMS.md §0.1) as a sparse operator: the
 * weights are laid out like the topology's CSR rows, so {@code W·x} costs O(n + edges).
 *
 * <p>W is symmetric, doubly stochastic and non-negative for every undirected graph. Off the diagonal
 * {@code W[i][j] > 0} exactly on edges; the diagonal is at least {@code 1/(1+deg_i)} because every neighbour weight
 * is at most {@code 1/(1+deg_i)}. Immutable and thread-safe.
 */
public final class MetropolisMatrix {
    private final Topology topology;
    private final double[] edgeWeights; // aligned with the topology's adjacency array
    private final double[] selfWeights;

    private MetropolisMatrix(Topology topology) {
        this.topology = topology;
        int n = topology.size();
        this.edgeWeights = new double[2 * topology.edgeCount()];
        this.selfWeights = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0.0;
            for (int p = topology.rowStart(i); p < topology.rowEnd(i); p++) {
                edgeWeights[p] = topology.edgeWeight(i, topology.adjacencyAt(p));
                sum += edgeWeights[p];
            }
            selfWeights[i] = 1.0 - sum;
        }
    }

    /** The mixing matrix of {@code topology}. */
    public static MetropolisMatrix of(Topology topology) {
        return new MetropolisMatrix(topology);
    }

    /** The topology this matrix belongs to. */
    public Topology topology() {
        return topology;
    }

    /** Order n of the matrix. */
    public int size() {
        return topology.size();
    }

    /** {@code y = W·x}; {@code x} and {@code y} have length n and must not be the same array. */
    public void multiply(double[] x, double[] y) {
        checkVectors(x, y);
        for (int i = 0; i < size(); i++) {
            double s = selfWeights[i] * x[i];
            for (int p = topology.rowStart(i); p < topology.rowEnd(i); p++) {
                s += edgeWeights[p] * x[topology.adjacencyAt(p)];
            }
            y[i] = s;
        }
    }

    /**
     * {@code y = (I − W)·x}, computed as {@code y_i = Σ_j W[i][j]·(x_i − x_j)}: the differences keep full relative
     * precision for the small eigenvalues of {@code I − W} that decide the spectral gap of a poorly connected graph.
     */
    public void multiplyLaplacian(double[] x, double[] y) {
        checkVectors(x, y);
        for (int i = 0; i < size(); i++) {
            double s = 0.0;
            double xi = x[i];
            for (int p = topology.rowStart(i); p < topology.rowEnd(i); p++) {
                s += edgeWeights[p] * (xi - x[topology.adjacencyAt(p)]);
            }
            y[i] = s;
        }
    }

    /** W as a dense EJML matrix (n² doubles: for small graphs and cross-checks only). */
    public DMatrixRMaj toDense() {
        DMatrixRMaj w = new DMatrixRMaj(size(), size());
        for (int i = 0; i < size(); i++) {
            w.unsafe_set(i, i, selfWeights[i]);
            for (int p = topology.rowStart(i); p < topology.rowEnd(i); p++) {
                w.unsafe_set(i, topology.adjacencyAt(p), edgeWeights[p]);
            }
        }
        return w;
    }

    /** {@code I − W} as a dense EJML matrix, built from the same weights as {@link #multiplyLaplacian}. */
    public DMatrixRMaj laplacianToDense() {
        DMatrixRMaj l = new DMatrixRMaj(size(), size());
        for (int i = 0; i < size(); i++) {
            l.unsafe_set(i, i, 1.0 - selfWeights[i]);
            for (int p = topology.rowStart(i); p < topology.rowEnd(i); p++) {
                l.unsafe_set(i, topology.adjacencyAt(p), -edgeWeights[p]);
            }
        }
        return l;
    }

    private void checkVectors(double[] x, double[] y) {
        if (x.length != size() || y.length != size()) {
            throw new IllegalArgumentException(
                    "vectors of length " + x.length + "/" + y.length + " for order " + size());
        }
        if (x == y) throw new IllegalArgumentException("x and y must be different arrays");
    }
}
