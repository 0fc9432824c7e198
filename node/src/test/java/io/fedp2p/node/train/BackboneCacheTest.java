package io.fedp2p.node.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.data.VisionData;
import io.fedp2p.node.model.VisionArch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackboneCacheTest {
    @TempDir
    Path cache;

    @Test
    void pretrainsOnFirstUseThenLoadsTheSameFile() throws IOException {
        EngineSetup.configure(1, 0);
        VisionPretraining.Spec spec = new VisionPretraining.Spec(
                VisionArch.MLP,
                300,
                VisionData.parseClasses("0-4"),
                1,
                new TrainSettings(0.05f, 1f, 1, 32, 0f, 0.9f, 0f, true),
                3);
        BackboneCache.Entry first = BackboneCache.get(cache, FashionMnist.DEFAULT_DIR, spec, ProgressListener.NONE);
        assertThat(first.file()).exists().hasParent(cache);
        FileTime written = Files.getLastModifiedTime(first.file());
        BackboneCache.Entry second = BackboneCache.get(cache, FashionMnist.DEFAULT_DIR, spec, ProgressListener.NONE);
        assertThat(second.file()).isEqualTo(first.file());
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(Files.getLastModifiedTime(second.file())).isEqualTo(written);
        assertThat(second.backbone().meta().path("publicClasses").asText()).isEqualTo("0-4");
    }
}
