package io.fedp2p.node.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads unsigned-byte IDX files (the MNIST/Fashion-MNIST format), gzip-compressed or plain.
 *
 * <pre>
 * offset 0  u8 0, u8 0, u8 type (0x08 = unsigned byte), u8 number of dimensions d
 * offset 4  d × u32 big-endian dimension sizes
 * then      product(dimensions) bytes of data, row-major
 * </pre>
 *
 * Checks the magic, the dimension count and sizes the caller expects, and that the data is exactly as long as the
 * header says; every error names the file.
 */
public final class IdxFile {
    private static final int MAX_BYTES = 512 << 20;

    private IdxFile() {}

    /** A parsed IDX file: dimension sizes and the raw bytes. */
    public record Content(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }
    }

    /**
     * Reads a file with {@code expectedDims} dimensions; {@code innerSizes} (may be empty) are the required sizes of
     * dimensions 1..d-1 (e.g. 28, 28 for images).
     */
    public static Content read(Path file, int expectedDims, int... innerSizes) {
        byte[] bytes = readAll(file);
        String name = file.toString();
        if (bytes.length < 4) throw new DatasetFormatException(name + ": truncated, only " + bytes.length + " bytes");
        if (bytes[0] != 0 || bytes[1] != 0 || bytes[2] != 0x08) {
            throw new DatasetFormatException(String.format(
                    "%s: bad magic %02x %02x %02x %02x (expected 00 00 08 %02x: unsigned-byte IDX)",
                    name, bytes[0], bytes[1], bytes[2], bytes[3], expectedDims));
        }
        int d = bytes[3];
        if (d != expectedDims) {
            throw new DatasetFormatException(name + ": has " + d + " dimensions, expected " + expectedDims);
        }
        int header = 4 + 4 * d;
        if (bytes.length < header) throw new DatasetFormatException(name + ": truncated inside the header");
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int[] dims = new int[d];
        long total = 1;
        for (int i = 0; i < d; i++) {
            dims[i] = buf.getInt(4 + 4 * i);
            if (dims[i] < 0) throw new DatasetFormatException(name + ": negative size in dimension " + i);
            total *= dims[i];
        }
        for (int i = 0; i < innerSizes.length; i++) {
            if (dims[i + 1] != innerSizes[i]) {
                throw new DatasetFormatException(
                        name + ": dimension " + (i + 1) + " is " + dims[i + 1] + ", expected " + innerSizes[i]);
            }
        }
        long actual = bytes.length - header;
        if (actual != total) {
            throw new DatasetFormatException(name + ": header says " + total + " data bytes (" + dims[0]
                    + " items), file has " + actual + (actual < total ? " (truncated)" : " (trailing bytes)"));
        }
        byte[] data = new byte[(int) total];
        System.arraycopy(bytes, header, data, 0, data.length);
        return new Content(dims, data);
    }

    private static byte[] readAll(Path file) {
        if (!Files.isRegularFile(file)) throw new DatasetFormatException(file + ": no such file");
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = raw;
            byte[] head = raw.readNBytes(2);
            boolean gz = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            InputStream rest = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), raw);
            in = gz ? new GZIPInputStream(rest, 1 << 16) : rest;
            byte[] all = in.readNBytes(MAX_BYTES + 1);
            if (all.length > MAX_BYTES)
                throw new DatasetFormatException(file + ": larger than " + MAX_BYTES + " bytes");
            return all;
        } catch (java.io.EOFException e) {
            throw new DatasetFormatException(file + ": truncated gzip stream", e);
        } catch (java.util.zip.ZipException e) {
            throw new DatasetFormatException(file + ": corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DatasetFormatException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
