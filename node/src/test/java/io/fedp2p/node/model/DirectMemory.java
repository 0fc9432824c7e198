package io.fedp2p.node.model;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

/**
 * Test helper: runs the garbage collector until the JVM's count of direct buffers stops changing, so that the
 * cleaners of unreachable direct buffers have run and their native memory is back with the C allocator (which
 * overwrites the start of a freed block with its free-list pointer).
 */
public final class DirectMemory {
    private DirectMemory() {}

    /** Collects garbage until the direct-buffer count has been stable for three rounds (at most about a second). */
    public static void freeUnreachableBuffers() {
        long last = count();
        int stable = 0;
        for (int i = 0; i < 50 && stable < 3; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = count();
            stable = now == last ? stable + 1 : 0;
            last = now;
        }
    }

    private static long count() {
        for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (b.getName().equals("direct")) return b.getCount();
        }
        throw new IllegalStateException("no direct buffer pool");
    }
}
