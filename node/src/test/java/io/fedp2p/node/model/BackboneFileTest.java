package io.fedp2p.node.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterFile;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.adapter.ParamLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackboneFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsValuesAndHash() {
        Backbone b = Backbone.initVision(VisionArch.MLP, new SeedTree(1).rng("init", 0));
        Path f = dir.resolve("b.fp2pbb");
        BackboneFile.save(b, f);
        Backbone c = BackboneFile.load(f);
        assertThat(c.hash()).isEqualTo(b.hash()).hasSize(64);
        assertThat(Arrays.equals(c.values(), b.values())).isTrue();
        assertThat(c.parameterCount()).isEqualTo(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10);
    }

    @Test
    void cnnHasTheReferenceParameterCount() {
        // EXPERIMENTS.md: 448,858 including r = 8 LoRA on both dense layers (27,216); the backbone alone 421,642
        assertThat(Backbone.initVision(VisionArch.CNN, new SeedTree(1).rng("init", 0))
                        .parameterCount())
                .isEqualTo(421_642);
    }

    @Test
    void corruptAndTruncatedFilesAreNamed() throws IOException {
        Backbone b = Backbone.initVision(VisionArch.MLP, new SeedTree(1).rng("init", 0));
        Path f = dir.resolve("b.fp2pbb");
        BackboneFile.save(b, f);
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length - 1] ^= 0x55;
        Path flipped = Files.write(dir.resolve("flipped"), bytes);
        assertThatThrownBy(() -> BackboneFile.load(flipped)).hasMessageContaining("corrupt");
        Path cut = Files.write(dir.resolve("cut"), Arrays.copyOf(bytes, bytes.length - 10));
        assertThatThrownBy(() -> BackboneFile.load(cut)).hasMessageContaining("truncated");
        Path text = Files.writeString(dir.resolve("text"), "hello, not a backbone");
        assertThatThrownBy(() -> BackboneFile.load(text)).hasMessageContaining("not a fedp2p backbone");
    }

    @Test
    void adapterLoadsOnlyAgainstItsBackbone() {
        AdapterSpec spec = AdapterSpec.of(AdapterKind.FFA_LORA, List.of("fc1"));
        ParamLayout layout = ParamLayout.of(Map.of("fc1.lora_B", new long[] {4, 2}));
        Path f = dir.resolve("a.fp2pad");
        AdapterFile.save(f, spec, layout, "aa".repeat(32), 5, new float[] {1, 2, 3, 4, 5, 6, 7, 8});
        AdapterFile.Loaded l = AdapterFile.load(f, "aa".repeat(32));
        assertThat(l.vector()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(l.spec()).isEqualTo(spec);
        assertThat(l.seed()).isEqualTo(5);
        assertThatThrownBy(() -> AdapterFile.load(f, "bb".repeat(32)))
                .hasMessageContaining("trained on backbone " + "aa".repeat(32))
                .hasMessageContaining("not on this backbone " + "bb".repeat(32));
    }
}
