package io.fedp2p.gossip.bench;

import io.fedp2p.gossip.host.Connection;
import io.fedp2p.gossip.host.Host;
import io.fedp2p.gossip.host.HostConfig;
import io.fedp2p.gossip.host.WireLimits;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.protocols.Perf;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code /perf/1.0.0} between two hosts in one JVM (each with one event loop), for profiling the wire path without
 * process start-up. Usage: {@code InJvmPerf [BYTES] [REPEATS] [upload|download]}. Prints per exchange the wall-clock
 * MB/s and the CPU time the sending and the receiving event loop spent per MB, and at the end the CPU time of the raw
 * JDK ChaCha20-Poly1305 (65,519-byte frames, one thread) per MB for encryption and decryption. CPU time hardly
 * depends on what else the machine runs, so {@code raw encrypt / sender} and {@code raw decrypt / receiver} say what
 * fraction of raw cipher speed each end would reach with a core of its own.
 */
public final class InJvmPerf {
    private static final String LOOP_PREFIX = "multiThreadIoEventLoopGroup-";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private InJvmPerf() {}

    public static void main(String[] args) throws Exception {
        long bytes = args.length > 0 ? Long.parseLong(args[0]) : 256L << 20;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean upload = args.length < 3 || args[2].equals("upload");
        Host server = Host.create(HostConfig.of(Identity.generate(new SecureRandom()))
                .withPerf(true)
                .withLimits(WireLimits.DEFAULTS.withMaxPerfBytes(Long.MAX_VALUE / 2))
                .withIoThreads(1));
        Host client =
                Host.create(HostConfig.of(Identity.generate(new SecureRandom())).withIoThreads(1));
        Multiaddr addr = server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get();
        Connection c = client.dial(addr).get();
        double sumSend = 0;
        double sumRecv = 0;
        for (int i = 0; i < repeats; i++) {
            Map<String, Long> before = loopCpu();
            long start = System.nanoTime();
            Perf.Result r = Perf.run(c, upload ? bytes : 0, upload ? 0 : bytes).get();
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Long> after = loopCpu();
            // The server's group was created first, so its thread sorts first.
            long[] cpu = after.entrySet().stream()
                    .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L))
                    .toArray();
            long serverCpu = cpu[0];
            long clientCpu = cpu.length > 1 ? cpu[1] : 0;
            double mb = bytes / 1e6;
            double send = (upload ? clientCpu : serverCpu) / 1e6 / mb;
            double recv = (upload ? serverCpu : clientCpu) / 1e6 / mb;
            if (i >= repeats / 2) {
                sumSend += send;
                sumRecv += recv;
            }
            System.out.printf(
                    "%s %d bytes: %.1f MB/s wall; CPU ms/MB sender %.3f, receiver %.3f%n",
                    upload ? "upload" : "download", r.uploadBytes() + r.downloadBytes(), mb / seconds, send, recv);
        }
        client.close();
        server.close();
        int counted = repeats - repeats / 2;
        double[] raw = rawCipherMsPerMb();
        double send = sumSend / counted;
        double recv = sumRecv / counted;
        System.out.printf(
                "second half mean: sender %.3f ms/MB (raw encrypt %.3f = %.0f%%), receiver %.3f ms/MB (raw decrypt"
                        + " %.3f = %.0f%%)%n",
                send, raw[0], 100 * raw[0] / send, recv, raw[1], 100 * raw[1] / recv);
    }

    /** CPU nanoseconds of every event-loop thread, by thread name. */
    private static Map<String, Long> loopCpu() {
        Map<String, Long> m = new TreeMap<>();
        for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(LOOP_PREFIX)) {
                m.put(info.getThreadName(), THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return m;
    }

    /** CPU ms per MB of the raw JDK cipher on full Noise frames: {encrypt, decrypt}. */
    private static double[] rawCipherMsPerMb() throws Exception {
        int frame = 65519;
        byte[] plain = new byte[frame];
        byte[] sealed = new byte[frame + 16];
        byte[] opened = new byte[frame];
        SecretKeySpec key = new SecretKeySpec(new byte[32], "ChaCha20");
        Cipher enc = Cipher.getInstance("ChaCha20-Poly1305");
        Cipher dec = Cipher.getInstance("ChaCha20-Poly1305");
        byte[] nonce = new byte[12];
        int frames = 4000;
        long encNanos = 0;
        long decNanos = 0;
        for (int pass = 0; pass < 2; pass++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < frames; i++) {
                long n = (long) pass * frames + i;
                for (int b = 0; b < 8; b++) {
                    nonce[4 + b] = (byte) (n >>> (8 * b));
                }
                enc.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(nonce));
                enc.doFinal(plain, 0, frame, sealed, 0);
            }
            long t1 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < frames; i++) {
                // The last sealed frame again and again: decryption may reuse a nonce.
                dec.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(nonce));
                dec.doFinal(sealed, 0, frame + 16, opened, 0);
            }
            long t2 = THREADS.getCurrentThreadCpuTime();
            encNanos = t1 - t0;
            decNanos = t2 - t1;
        }
        double mb = (double) frames * frame / 1e6;
        return new double[] {encNanos / 1e6 / mb, decNanos / 1e6 / mb};
    }
}
