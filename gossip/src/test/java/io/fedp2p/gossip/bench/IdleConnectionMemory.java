package io.fedp2p.gossip.bench;

import io.fedp2p.gossip.host.Connection;
import io.fedp2p.gossip.host.Host;
import io.fedp2p.gossip.host.HostConfig;
import io.fedp2p.gossip.host.WireLimits;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Memory per idle connection: opens N connections (identify done, then idle) between two hosts in one JVM and
 * prints the growth of used heap (after GC) and of direct buffer memory, divided by 2N (each connection has two
 * ends here). Usage: {@code IdleConnectionMemory [N]} (default 500).
 */
public final class IdleConnectionMemory {
    private IdleConnectionMemory() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        WireLimits limits = WireLimits.DEFAULTS.withMaxConnections(4 * n, 4 * n);
        Host server =
                Host.create(HostConfig.of(Identity.generate(new SecureRandom())).withLimits(limits));
        Host client =
                Host.create(HostConfig.of(Identity.generate(new SecureRandom())).withLimits(limits));
        Multiaddr addr = server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get();
        warmUp(client, addr);
        long heap0 = usedHeap();
        long direct0 = directBytes();
        List<Connection> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Connection c = client.dial(addr.withoutPeerId()).get(10, TimeUnit.SECONDS);
            c.identify().get(10, TimeUnit.SECONDS);
            open.add(c);
        }
        Thread.sleep(1000);
        long heap = usedHeap() - heap0;
        long direct = directBytes() - direct0;
        System.out.printf(
                "{\"connections\": %d, \"heapBytesPerConnectionEnd\": %d, \"directBytesPerConnectionEnd\": %d,"
                        + " \"java\": \"%s\"}%n",
                n, heap / (2L * n), direct / (2L * n), System.getProperty("java.version"));
        for (Connection c : open) {
            c.close();
        }
        client.close();
        server.close();
    }

    private static void warmUp(Host client, Multiaddr addr) throws Exception {
        for (int i = 0; i < 20; i++) {
            Connection c = client.dial(addr.withoutPeerId()).get(10, TimeUnit.SECONDS);
            c.identify().get(10, TimeUnit.SECONDS);
            c.close().get(10, TimeUnit.SECONDS);
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long directBytes() {
        long sum = 0;
        for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (b.getName().equals("direct")) {
                sum += b.getMemoryUsed();
            }
        }
        return sum;
    }
}
