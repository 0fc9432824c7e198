package io.fedp2p.node.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The result of {@link Partitioner#split}: each node's sample indices, ascending. Immutable. */
public final class Partition {
    private final PartitionSpec spec;
    private final int[][] nodes;

    Partition(PartitionSpec spec, int[][] nodes) {
        this.spec = spec;
        this.nodes = nodes;
    }

    public PartitionSpec spec() {
        return spec;
    }

    public int numNodes() {
        return nodes.length;
    }

    /** A copy of node i's sample indices. */
    public int[] node(int i) {
        return nodes[i].clone();
    }

    public int size(int i) {
        return nodes[i].length;
    }

    /** Label histogram of node i. */
    public int[] histogram(int i, int[] labels, int numClasses) {
        int[] h = new int[numClasses];
        for (int s : nodes[i]) h[labels[s]]++;
        return h;
    }

    /**
     * Mean over nodes of the total-variation distance between the node's label distribution and the pooled one: 0
     * for identical label mixes, up to 1 − 1/C for single-class nodes on balanced data.
     */
    public double meanLabelSkew(int[] labels, int numClasses) {
        double[] global = new double[numClasses];
        long total = 0;
        for (int[] n : nodes) {
            for (int s : n) global[labels[s]]++;
            total += n.length;
        }
        for (int c = 0; c < numClasses; c++) global[c] /= total;
        double sum = 0;
        for (int i = 0; i < nodes.length; i++) {
            int[] h = histogram(i, labels, numClasses);
            double tv = 0;
            for (int c = 0; c < numClasses; c++) tv += Math.abs((double) h[c] / nodes[i].length - global[c]);
            sum += tv / 2;
        }
        return sum / nodes.length;
    }

    /** {@code {"partition": ..., "nodes": N, "meanLabelSkew": x, "perNode": [{"node", "samples", "labels"}]}}. */
    public ObjectNode summary(int[] labels, int numClasses) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("partition", spec.toString());
        root.put("nodes", nodes.length);
        root.put("meanLabelSkew", meanLabelSkew(labels, numClasses));
        ArrayNode per = root.putArray("perNode");
        for (int i = 0; i < nodes.length; i++) {
            ObjectNode n = per.addObject();
            n.put("node", i);
            n.put("samples", nodes[i].length);
            ArrayNode h = n.putArray("labels");
            for (int v : histogram(i, labels, numClasses)) h.add(v);
        }
        return root;
    }

    /** Human-readable summary: one line per node with its size and label histogram. */
    public String summaryText(int[] labels, int numClasses) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                java.util.Locale.ROOT,
                "partition %s, %d nodes, mean label skew %.3f%n",
                spec,
                nodes.length,
                meanLabelSkew(labels, numClasses)));
        for (int i = 0; i < nodes.length; i++) {
            sb.append(String.format(
                    java.util.Locale.ROOT,
                    "node %4d: %6d samples  %s%n",
                    i,
                    nodes[i].length,
                    Arrays.toString(histogram(i, labels, numClasses))));
        }
        return sb.toString();
    }

    /** Writes {@link #summary} as pretty JSON. */
    public void writeSummary(Path file, int[] labels, int numClasses) {
        try {
            Files.writeString(
                    file,
                    new ObjectMapper()
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(summary(labels, numClasses)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
