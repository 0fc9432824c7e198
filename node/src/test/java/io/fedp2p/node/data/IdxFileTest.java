package io.fedp2p.node.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir
    Path dir;

    private static byte[] idx(int type, int... dims) {
        int n = 1;
        for (int d : dims) n *= d;
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + n);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) b.putInt(d);
        for (int i = 0; i < n; i++) b.put((byte) (i % 10));
        return b.array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    @Test
    void readsPlainAndGzipFiles() throws IOException {
        Path plain = Files.write(dir.resolve("a-idx3-ubyte"), idx(8, 3, 28, 28));
        Path gz = Files.write(dir.resolve("a-idx3-ubyte.gz"), gzip(idx(8, 3, 28, 28)));
        IdxFile.Content p = IdxFile.read(plain, 3, 28, 28);
        IdxFile.Content g = IdxFile.read(gz, 3, 28, 28);
        assertThat(p.count()).isEqualTo(3);
        assertThat(p.data()).hasSize(3 * 784).isEqualTo(g.data());
    }

    @Test
    void truncatedDataIsNamed() throws IOException {
        byte[] full = idx(8, 5);
        Path f = Files.write(dir.resolve("labels"), Arrays.copyOf(full, full.length - 2));
        assertThatThrownBy(() -> IdxFile.read(f, 1))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void truncatedGzipStreamIsNamed() throws IOException {
        byte[] gz = gzip(idx(8, 200, 28, 28));
        Path f = Files.write(dir.resolve("images.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxFile.read(f, 3, 28, 28))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(f.toString());
    }

    @Test
    void wrongMagicAndWrongShapeAreRejected() throws IOException {
        Path intFile = Files.write(dir.resolve("ints"), idx(0x0C, 2));
        assertThatThrownBy(() -> IdxFile.read(intFile, 1)).hasMessageContaining("bad magic");
        Path labels = Files.write(dir.resolve("labels-as-images"), idx(8, 4));
        assertThatThrownBy(() -> IdxFile.read(labels, 3, 28, 28)).hasMessageContaining("has 1 dimensions, expected 3");
        Path small = Files.write(dir.resolve("small-images"), idx(8, 2, 14, 14));
        assertThatThrownBy(() -> IdxFile.read(small, 3, 28, 28)).hasMessageContaining("dimension 1 is 14, expected 28");
    }

    @Test
    void mismatchedImageAndLabelCountsAreRejected() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(8, 3, 28, 28));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(8, 4));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), idx(8, 1, 28, 28));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idx(8, 1));
        assertThatThrownBy(() -> FashionMnist.load(dir))
                .hasMessageContaining("3 images but")
                .hasMessageContaining("4 labels");
    }

    @Test
    void missingFileNamesTheDirectory() {
        assertThatThrownBy(() -> FashionMnist.load(dir)).hasMessageContaining("missing train-images-idx3-ubyte.gz");
    }

    @Test
    void theDebianPackageHasTheOfficialCounts() {
        FashionMnist d = FashionMnist.load(FashionMnist.DEFAULT_DIR);
        assertThat(d.train().size()).isEqualTo(60_000);
        assertThat(d.test().size()).isEqualTo(10_000);
        assertThat(d.test()
                        .histogram(java.util.stream.IntStream.range(0, 10_000).toArray()))
                .containsOnly(1000);
    }
}
