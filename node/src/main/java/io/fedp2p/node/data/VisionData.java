package io.fedp2p.node.data;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The Fashion-MNIST splits of EXPERIMENTS.md: the first {@code publicSize} training images are the public split
 * (the backbone pretrains on those of the public classes); the rest is the non-public pool that nodes share.
 *
 * <p>SPEC-GAP: "public 10,000 images of classes 0–4" is read as the first 10,000 training images, of which only
 * those labelled 0–4 (about 5,000) train the backbone; the non-public pool is always images 10,000..59,999.
 */
public record VisionData(FashionMnist data, int publicSize, boolean[] publicClasses) {
    public VisionData {
        if (publicSize < 0 || publicSize >= data.train().size()) {
            throw new IllegalArgumentException(
                    "public size must be in [0, " + data.train().size() + "), got " + publicSize);
        }
        if (publicClasses.length != FashionMnist.CLASSES) throw new IllegalArgumentException("need 10 class flags");
        publicClasses = publicClasses.clone();
    }

    @Override
    public boolean[] publicClasses() {
        return publicClasses.clone();
    }

    /** Parses {@code all}, {@code 0-4}, {@code 0,2,5} or {@code 3}. */
    public static boolean[] parseClasses(String text) {
        boolean[] flags = new boolean[FashionMnist.CLASSES];
        String t = text.trim();
        if (t.equalsIgnoreCase("all")) {
            Arrays.fill(flags, true);
            return flags;
        }
        try {
            for (String part : t.split(",")) {
                String[] ends = part.trim().split("-");
                if (ends.length > 2) throw new IllegalArgumentException("bad class range '" + part + "'");
                int lo = Integer.parseInt(ends[0].trim());
                int hi = ends.length == 2 ? Integer.parseInt(ends[1].trim()) : lo;
                if (lo < 0 || hi >= FashionMnist.CLASSES || lo > hi) {
                    throw new IllegalArgumentException("class range '" + part + "' outside 0-9");
                }
                for (int c = lo; c <= hi; c++) flags[c] = true;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad class list '" + text + "': use all, 0-4 or 0,2,5", e);
        }
        return flags;
    }

    /** The class set in the form {@link #parseClasses} reads: {@code all} or {@code 0-4} or {@code 0,2,5}. */
    public static String describeClasses(boolean[] flags) {
        if (IntStream.range(0, flags.length).allMatch(c -> flags[c])) return "all";
        int[] cs = IntStream.range(0, flags.length).filter(c -> flags[c]).toArray();
        boolean contiguous = cs.length > 1 && cs[cs.length - 1] - cs[0] == cs.length - 1;
        if (contiguous) return cs[0] + "-" + cs[cs.length - 1];
        return Arrays.stream(cs)
                .mapToObj(Integer::toString)
                .reduce((a, b) -> a + "," + b)
                .orElse("");
    }

    /** Indices of the public images of the public classes: the backbone's pretraining set. */
    public int[] pretrainIndices() {
        ImageSet train = data.train();
        return IntStream.range(0, publicSize)
                .filter(i -> publicClasses[train.label(i)])
                .toArray();
    }

    /** Indices {@code publicSize .. 59,999}: the non-public pool. */
    public int[] nonPublicIndices() {
        return IntStream.range(publicSize, data.train().size()).toArray();
    }

    /** Labels of the whole training table. */
    public int[] trainLabels() {
        ImageSet train = data.train();
        int[] y = new int[train.size()];
        Arrays.setAll(y, train::label);
        return y;
    }
}
