package io.fedp2p.examples.multihost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@code examples/multi-host/netns-cluster.sh}: namespaces {@code fp2pit-n0..n<N-1>} with addresses
 * 10.77.0.1.., joined by a bridge in {@code fp2pit-hub}, with nftables loss and the relay redirect. Removed on close.
 */
final class NetnsCluster implements AutoCloseable {
    static final Path SCRIPT = Path.of("multi-host", "netns-cluster.sh").toAbsolutePath();
    static final String PREFIX = "fp2pit";
    static final int NODE_PORT = 4001;
    static final int RELAY_PORT = 4101;

    private final int hosts;
    private final Path logs;

    private NetnsCluster(int hosts, Path logs) {
        this.hosts = hosts;
        this.logs = logs;
    }

    /** Why this machine cannot run the test, or null when it can (root, iproute2, namespaces allowed). */
    static String unavailableReason() {
        try {
            Process id =
                    new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!uid.equals("0")) return "the multi-host test needs root (network namespaces); skipped as uid " + uid;
            Process probe = new ProcessBuilder("ip", "netns", "add", PREFIX + "-probe")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (probe.waitFor() != 0) return "cannot create network namespaces here: " + out.strip();
            new ProcessBuilder("ip", "netns", "del", PREFIX + "-probe").start().waitFor();
            return null;
        } catch (IOException e) {
            return "iproute2 (ip) is missing: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static NetnsCluster up(int hosts, int lossPercent, Path logs) throws IOException, InterruptedException {
        run(logs, List.of("up", Integer.toString(hosts)), lossPercent);
        return new NetnsCluster(hosts, logs);
    }

    /** {@code ip netns exec <host i>}: a command prefix. */
    List<String> exec(int i) {
        return List.of("ip", "netns", "exec", PREFIX + "-n" + i);
    }

    static String address(int i) {
        return "10.77.0." + (i + 1);
    }

    /** Packets nftables dropped on each host so far. */
    List<Long> drops() throws IOException, InterruptedException {
        String out = run(logs, List.of("drops", Integer.toString(hosts)), 0);
        List<Long> d = new ArrayList<>();
        for (String line : out.split("\n")) if (!line.isBlank()) d.add(Long.parseLong(line.strip()));
        return d;
    }

    private static String run(Path logs, List<String> args, int loss) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PREFIX", PREFIX);
        pb.environment().put("LOSS", Integer.toString(loss));
        pb.environment().put("NODE_PORT", Integer.toString(NODE_PORT));
        pb.environment().put("RELAY_PORT", Integer.toString(RELAY_PORT));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("netns-cluster.sh " + args + " failed:\n" + out);
        }
        Files.createDirectories(logs);
        Files.writeString(
                logs.resolve("netns.log"),
                out,
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(logs, List.of("down", Integer.toString(hosts)), 0);
    }
}
