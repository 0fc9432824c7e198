package io.fedp2p.node.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST from its four IDX files, {@code .gz} or plain, by default where Debian's
 * {@code dataset-fashion-mnist} package puts them.
 *
 * @param train the 60,000 training images
 * @param test the 10,000 official test images
 */
public record FashionMnist(ImageSet train, ImageSet test) {
    /** Where {@code apt-get install dataset-fashion-mnist} installs the files. */
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    public static final int CLASSES = 10;
    public static final String[] CLASS_NAMES = {
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"
    };

    /** Loads the training and test sets from {@code dir}. */
    public static FashionMnist load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetFormatException(dir + ": no such directory (install the Debian package "
                    + "dataset-fashion-mnist or pass --data-dir)");
        }
        return new FashionMnist(loadSet(dir, "train"), loadSet(dir, "t10k"));
    }

    private static ImageSet loadSet(Path dir, String prefix) {
        Path images = find(dir, prefix + "-images-idx3-ubyte");
        Path labels = find(dir, prefix + "-labels-idx1-ubyte");
        IdxFile.Content im = IdxFile.read(images, 3, 28, 28);
        IdxFile.Content lb = IdxFile.read(labels, 1);
        if (im.count() != lb.count()) {
            throw new DatasetFormatException(
                    images + " has " + im.count() + " images but " + labels + " has " + lb.count() + " labels");
        }
        try {
            return new ImageSet(im.data(), lb.data(), 28, 28, CLASSES);
        } catch (DatasetFormatException e) {
            throw new DatasetFormatException(labels + ": " + e.getMessage(), e);
        }
    }

    private static Path find(Path dir, String base) {
        Path gz = dir.resolve(base + ".gz");
        if (Files.exists(gz)) return gz;
        Path plain = dir.resolve(base);
        if (Files.exists(plain)) return plain;
        throw new DatasetFormatException(dir + ": missing " + base + ".gz (or " + base + ")");
    }
}
