package io.fedp2p.gossip.bench;

import io.fedp2p.gossip.noise.TransportCipher;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread ChaCha20-Poly1305 on full Noise frames (65,519 plaintext bytes): the raw JDK {@link Cipher} (the
 * ceiling for the transport) and our {@link TransportCipher} path (encrypt from the plaintext's array into a buffer,
 * as the Noise encoder does for array-backed data). MB/s = ops/s ×
 * 65,519 / 10^6. BENCHMARKS.md has the command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransportCipherBench {
    private static final int FRAME = TransportCipher.MAX_PLAINTEXT;

    private final byte[] plain = new byte[FRAME];
    private final byte[] out = new byte[FRAME + 16];
    private final byte[] nonce = new byte[12];
    private Cipher raw;
    private SecretKeySpec key;
    private long counter;
    private TransportCipher ours;
    private ByteBuf plainBuf;
    private ByteBuf outBuf;

    @Setup
    public void setUp() throws Exception {
        raw = Cipher.getInstance("ChaCha20-Poly1305");
        key = new SecretKeySpec(new byte[32], "ChaCha20");
        ours = TransportCipher.encryptor(new byte[32]);
        plainBuf = Unpooled.wrappedBuffer(plain);
        outBuf = Unpooled.buffer(FRAME + 16);
    }

    @Benchmark
    public int rawJdkCipher() throws Exception {
        counter++;
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (counter >>> (8 * i));
        }
        raw.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(nonce));
        return raw.doFinal(plain, 0, FRAME, out, 0);
    }

    @Benchmark
    public int transportCipher() {
        plainBuf.readerIndex(0);
        outBuf.clear();
        ours.encrypt(plainBuf, FRAME, outBuf);
        return outBuf.writerIndex();
    }
}
