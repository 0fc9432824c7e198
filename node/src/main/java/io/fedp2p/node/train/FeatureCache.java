package io.fedp2p.node.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.fedp2p.node.data.ImageSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The frozen-prefix feature cache (ALGORITHMS.md §7.5.4): one row per sample of a table, computed once by the
 * frozen part of the network and shared read-only by every node of the JVM, keyed by the backbone hash and the
 * network-wide frozen adapter matrices it depends on.
 *
 * <p>Rows live in native memory in one array per table. {@link #rows} gathers a batch into the caller's manager,
 * so nothing is attached to the shared manager after construction. Thread-safe for reads.
 */
// fedp2p design: ALGORITHMS.md §7.5.4, the frozen-prefix feature cache.
final class FeatureCache {
    private static final int CHUNK = 500;

    private final String key;
    private final NDArray train;
    private final NDArray test;
    private final int width;

    /**
     * @param key backbone hash plus whatever else determines the rows
     * @param rowFn computes the rows of a chunk of normalised images ({@code n × 784}) in the given manager
     */
    FeatureCache(
            String key,
            NDManager shared,
            ImageSet trainImages,
            ImageSet testImages,
            BiFunction<NDManager, NDArray, NDArray> rowFn,
            ProgressListener progress) {
        this.key = key;
        long total = trainImages.size() + testImages.size();
        this.train = build(shared, trainImages, rowFn, progress, 0, total);
        this.test = build(shared, testImages, rowFn, progress, trainImages.size(), total);
        this.width = (int) train.getShape().get(1);
    }

    private static NDArray build(
            NDManager shared,
            ImageSet images,
            BiFunction<NDManager, NDArray, NDArray> rowFn,
            ProgressListener progress,
            long doneBefore,
            long total) {
        try (NDManager tmp = shared.newSubManager()) {
            List<NDArray> parts = new ArrayList<>();
            for (int s = 0; s < images.size(); s += CHUNK) {
                int n = Math.min(CHUNK, images.size() - s);
                int[] idx = new int[n];
                for (int i = 0; i < n; i++) idx[i] = s + i;
                try (NDManager chunk = tmp.newSubManager()) {
                    NDArray x = chunk.create(images.normalised(idx), new Shape(n, images.pixelsPerImage()));
                    NDArray rows = rowFn.apply(chunk, x);
                    rows.attach(tmp);
                    parts.add(rows);
                }
                progress.progress(doneBefore + s + n, total, "feature cache");
            }
            NDArray all = NDArrays.concat(new NDList(parts), 0);
            all.attach(shared);
            return all;
        }
    }

    /** The backbone hash and frozen-matrix key these rows were computed for. */
    String key() {
        return key;
    }

    /** Row width (floats per sample). */
    int width() {
        return width;
    }

    /** The rows of the given samples, gathered into {@code into}. */
    NDArray rows(NDManager into, EvalSet.Source source, int[] indices) {
        NDArray table = source == EvalSet.Source.TRAIN ? train : test;
        NDArray idx = into.create(indices);
        return table.get(into, new NDIndex("{}", idx));
    }

    /** Native bytes held by the cache. */
    long bytes() {
        return 4L * width * (train.getShape().get(0) + test.getShape().get(0));
    }
}
