package io.fedp2p.node.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrlMaskTest {
    @Test
    void keepsTheLargestSignedScoresWithTiesToTheLowerIndex() {
        float[] s = {-5f, 3f, 0.5f, 3f};
        // keep ⌈0.5·4⌉ = 2: the two 3s (indices 1 and 3); signed, so −5 (largest |s|) is dropped
        assertThat(AdapterModel.frlMask(s, 0.5f)).containsExactly(0f, 1f, 0f, 1f);
        // keep ⌈0.25·4⌉ = 1: tie between indices 1 and 3 goes to 1
        assertThat(AdapterModel.frlMask(s, 0.25f)).containsExactly(0f, 1f, 0f, 0f);
    }
}
