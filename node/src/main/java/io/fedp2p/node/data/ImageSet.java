package io.fedp2p.node.data;

import java.util.Arrays;

/**
 * Grey-scale images with integer labels, kept as raw bytes (60,000 Fashion-MNIST images are 47 MB). Pixels are
 * normalised on the way out: {@code (p/255 − mean)/std}. Immutable and thread-safe.
 */
public final class ImageSet {
    /** EXPERIMENTS.md normalisation of Fashion-MNIST. */
    public static final float MEAN = 0.286f;

    public static final float STD = 0.353f;

    private final byte[] pixels;
    private final byte[] labels;
    private final int rows;
    private final int cols;
    private final int numClasses;

    public ImageSet(byte[] pixels, byte[] labels, int rows, int cols, int numClasses) {
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException(
                    "pixels do not match " + labels.length + " images of " + rows + "x" + cols);
        }
        for (int i = 0; i < labels.length; i++) {
            int y = labels[i] & 0xff;
            if (y >= numClasses)
                throw new DatasetFormatException("label " + y + " at index " + i + " >= " + numClasses);
        }
        this.pixels = pixels;
        this.labels = labels;
        this.rows = rows;
        this.cols = cols;
        this.numClasses = numClasses;
    }

    public int size() {
        return labels.length;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int pixelsPerImage() {
        return rows * cols;
    }

    public int numClasses() {
        return numClasses;
    }

    public int label(int i) {
        return labels[i] & 0xff;
    }

    /** Labels of the given samples. */
    public int[] labels(int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = label(idx[i]);
        return out;
    }

    /** Writes the normalised pixels of the given samples, row-major, {@code idx.length × rows × cols}. */
    public float[] normalised(int[] idx) {
        int p = pixelsPerImage();
        float[] out = new float[idx.length * p];
        for (int i = 0; i < idx.length; i++) {
            int base = idx[i] * p;
            for (int j = 0; j < p; j++) {
                out[i * p + j] = ((pixels[base + j] & 0xff) / 255f - MEAN) / STD;
            }
        }
        return out;
    }

    /** A view of the first {@code n} samples. */
    public ImageSet head(int n) {
        if (n > size()) throw new IllegalArgumentException(n + " > " + size());
        return new ImageSet(
                Arrays.copyOf(pixels, n * pixelsPerImage()), Arrays.copyOf(labels, n), rows, cols, numClasses);
    }

    /** Count of each label among the given samples. */
    public int[] histogram(int[] idx) {
        int[] h = new int[numClasses];
        for (int i : idx) h[label(i)]++;
        return h;
    }
}
