package io.fedp2p.sim.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a run cost on this machine ({@code run.json}, beside {@code summary.json}): wall-clock time, threads, heap
 * and resident memory, JVM and machine. None of it is deterministic, which is why it stays out of the summary.
 * Heap figures are taken after a full collection.
 */
public final class RunInfo {
    private RunInfo() {}

    /** Heap in use after asking for a full collection (twice, which settles G1 in practice). */
    public static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Sum of the heap pools' peak usage since the JVM started (or the last {@link #resetPeaks()}). */
    public static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null)
                sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    public static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
    }

    /**
     * A field of {@code /proc/self/status} in bytes ({@code VmRSS}, {@code VmHWM}), or −1 where there is none (not
     * Linux).
     */
    public static long procStatusBytes(String field) {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) return -1;
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith(field + ":")) {
                    String[] p = line.substring(field.length() + 1).trim().split("\\s+");
                    return Long.parseLong(p[0]) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The JVM and machine part of {@code run.json}. */
    public static ObjectNode machine(int threads) {
        ObjectNode o = Json.object();
        o.put("threads", threads);
        o.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        o.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        o.put("javaVersion", System.getProperty("java.version"));
        o.put("javaVendor", System.getProperty("java.vendor"));
        o.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        Package pkg = RunInfo.class.getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        o.put("fedp2pVersion", version == null ? "development" : version);
        return o;
    }
}
