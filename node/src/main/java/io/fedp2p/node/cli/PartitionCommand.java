package io.fedp2p.node.cli;

import io.fedp2p.node.SeedTree;
import io.fedp2p.node.data.DatasetFormatException;
import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.data.Partition;
import io.fedp2p.node.data.PartitionSpec;
import io.fedp2p.node.data.Partitioner;
import io.fedp2p.node.data.VisionData;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fedp2p partition}: prints (and optionally saves) how the non-public Fashion-MNIST images are split among
 * nodes, exactly as {@code node}/{@code sim} split them for the same seed (same partition stream of the SeedTree).
 */
@Command(
        name = "partition",
        mixinStandardHelpOptions = true,
        description = "Shows the seeded split of the non-public Fashion-MNIST images among nodes: samples and label"
                + " histogram per node.")
public final class PartitionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--nodes", required = true, description = "number of nodes")
    int nodes;

    @Option(
            names = "--partition",
            defaultValue = "iid",
            description = "iid, dirichlet:ALPHA, shards:K or quantity:ALPHA (default: ${DEFAULT-VALUE})")
    String partition;

    @Option(
            names = "--public-size",
            defaultValue = "10000",
            description = "public images held out first (default: ${DEFAULT-VALUE})")
    int publicSize;

    @Option(
            names = "--validation-pool",
            defaultValue = "1000",
            description = "last images kept for local validation slices (default: ${DEFAULT-VALUE})")
    int validationPool;

    @Option(names = "--seed", defaultValue = "0", description = "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--data-dir", description = "Fashion-MNIST directory (default: the Debian package's location)")
    Path dataDir;

    @Option(names = "--out", description = "also write the summary as JSON to this file")
    Path out;

    @Option(names = "--json", description = "print the summary as one JSON object instead of a table")
    boolean json;

    @Override
    public Integer call() {
        PartitionSpec p;
        FashionMnist data;
        try {
            p = PartitionSpec.parse(partition);
            data = FashionMnist.load(dataDir == null ? FashionMnist.DEFAULT_DIR : dataDir);
        } catch (IllegalArgumentException | DatasetFormatException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        int end = data.train().size() - validationPool;
        if (publicSize < 0 || validationPool < 0 || publicSize >= end) {
            throw new ParameterException(spec.commandLine(), "--public-size and --validation-pool leave no images");
        }
        int[] pool = java.util.stream.IntStream.range(publicSize, end).toArray();
        int[] labels = new VisionData(data, publicSize, VisionData.parseClasses("all")).trainLabels();
        Partition part;
        try {
            part = Partitioner.split(
                    p, pool, labels, FashionMnist.CLASSES, nodes, new SeedTree(seed).rng("partition", 0));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (out != null) part.writeSummary(out, labels, FashionMnist.CLASSES);
        if (json) Json.print(spec.commandLine().getOut(), part.summary(labels, FashionMnist.CLASSES));
        else {
            spec.commandLine().getOut().print(part.summaryText(labels, FashionMnist.CLASSES));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
