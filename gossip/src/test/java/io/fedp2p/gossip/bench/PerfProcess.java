package io.fedp2p.gossip.bench;

import io.fedp2p.gossip.host.Connection;
import io.fedp2p.gossip.host.Host;
import io.fedp2p.gossip.host.HostConfig;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.protocols.Perf;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * One end of a cross-process {@code /perf/1.0.0} run with the same host settings as {@code fedp2p listen
 * --enable-perf} and {@code fedp2p perf}, but on the gossip module's classpath alone, so that two builds can be
 * compared side by side without building the whole runnable jar. Usage: {@code PerfProcess listen} (prints the
 * address, serves until killed) or {@code PerfProcess perf ADDR UPLOAD DOWNLOAD WARMUP} (prints the MB/s of the
 * non-zero direction, measured as {@code fedp2p perf} does, and the CPU milliseconds per MB this client process
 * spent in the timed exchange: the sender's cost for an upload, the receiver's for a download).
 */
public final class PerfProcess {
    private PerfProcess() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("listen")) {
            Host host = Host.create(
                    HostConfig.of(Identity.generate(new SecureRandom())).withPerf(true));
            Multiaddr addr =
                    host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get();
            System.out.println(addr);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
            return;
        }
        long up = Long.parseLong(args[2]);
        long down = Long.parseLong(args[3]);
        long warm = Long.parseLong(args[4]);
        try (Host host = Host.create(HostConfig.of(Identity.generate(new SecureRandom())))) {
            Connection c = host.dial(Multiaddr.parse(args[1])).get(30, TimeUnit.SECONDS);
            if (warm > 0) {
                Perf.run(c, up == 0 ? 0 : warm, down == 0 ? 0 : warm).get(300, TimeUnit.SECONDS);
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            Perf.Result r = Perf.run(c, up, down).get(300, TimeUnit.SECONDS);
            long cpu = os.getProcessCpuTime() - cpu0;
            long bytes = up != 0 ? r.uploadBytes() : r.downloadBytes();
            long nanos = up != 0 ? r.uploadNanos() : r.downloadNanos();
            System.out.printf("%.2f %.3f%n", bytes / 1e6 / (nanos / 1e9), cpu / 1e6 / (bytes / 1e6));
        }
    }
}
