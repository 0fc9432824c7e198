package io.fedp2p.examples;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Writes the first images of Fashion-MNIST's IDX files into a smaller copy, so that a test's nodes start fast. */
public final class FashionMnistSubset {
    static final Path SOURCE = Path.of("/usr/share/datasets/fashion-mnist");

    private FashionMnistSubset() {}

    public static void write(Path dir, int trainImages, int testImages) throws IOException {
        Files.createDirectories(dir);
        copy("train-images-idx3-ubyte.gz", dir, trainImages);
        copy("train-labels-idx1-ubyte.gz", dir, trainImages);
        copy("t10k-images-idx3-ubyte.gz", dir, testImages);
        copy("t10k-labels-idx1-ubyte.gz", dir, testImages);
    }

    private static void copy(String name, Path dir, int n) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(SOURCE.resolve(name))));
                DataOutputStream out =
                        new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(dir.resolve(name))))) {
            int magic = in.readInt();
            int dims = magic & 0xff;
            out.writeInt(magic);
            int count = in.readInt();
            if (count < n) throw new IOException(name + " has only " + count + " items");
            out.writeInt(n);
            long per = 1;
            for (int d = 1; d < dims; d++) {
                int size = in.readInt();
                out.writeInt(size);
                per *= size;
            }
            copyBytes(in, out, per * n);
        }
    }

    private static void copyBytes(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[1 << 16];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) throw new IOException("IDX file ended early");
            out.write(buf, 0, r);
            n -= r;
        }
    }
}
