package io.fedp2p.robustness.reputation;

import static io.fedp2p.robustness.TestVectors.vec;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ALGORITHMS.md §4.1: k = min(⌈max(q,0)·size⌉, size−1) per tensor. */
class LayerwiseTopKTest {
    static final float[] U = vec(0.1, -3, 2, 0.5, 4, -1);
    static final int[] ENDS = {4, 6};

    @Test
    void keepsTheLargestMagnitudesPerTensor() {
        // q = .5: tensor 1 k = 2 -> |x| ≥ 2 keeps −3, 2; tensor 2 k = min(1, 1) = 1 keeps 4
        assertThat(LayerwiseTopK.sparsify(U, ENDS, 0.5)).containsExactly(0f, -3f, 2f, 0f, 4f, 0f);
    }

    @Test
    void evenAFullRewardDropsEachTensorsSmallestEntryAndZeroKeepsNothing() {
        assertThat(LayerwiseTopK.sparsify(U, ENDS, 1.0)).containsExactly(0f, -3f, 2f, 0.5f, 4f, 0f);
        assertThat(LayerwiseTopK.sparsify(U, ENDS, 0)).containsOnly(0f);
    }
}
