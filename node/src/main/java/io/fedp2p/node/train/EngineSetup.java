package io.fedp2p.node.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Process-wide DJL/PyTorch settings: the intra-op thread count (PyTorch's is global) and DJL's random seed. Call
 * {@link #configure(int, long)} once, before the first model or trainer, from the entry point (CLI command, node
 * runtime or simulator). Results are bit-reproducible for a fixed seed <em>and</em> thread count.
 *
 * <p>Inter-op threads are set to 1: fedp2p runs one graph at a time per trainer thread, and parallelism across
 * nodes is the caller's choice (e.g. two trainer threads with one intra-op thread each on a 2-core machine).
 */
public final class EngineSetup {
    private static final Object LOCK = new Object();
    private static boolean configured;

    private EngineSetup() {}

    /**
     * Sets the PyTorch intra-op thread count and DJL's global seed (which fedp2p never relies on for its own
     * randomness, but some DJL internals might).
     *
     * @param threads intra-op threads ≥ 1
     * @param seed DJL's global seed
     * @return the PyTorch engine
     */
    public static Engine configure(int threads, long seed) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        synchronized (LOCK) {
            if (!configured) {
                System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
                System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            }
            Engine engine = Engine.getEngine("PyTorch");
            JniUtils.setNumThreads(threads);
            engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
            configured = true;
            return engine;
        }
    }

    /** The PyTorch engine, configured with {@code defaultThreads()} threads and seed 0 if nobody configured it. */
    public static Engine engine() {
        synchronized (LOCK) {
            if (!configured) return configure(defaultThreads(), 0);
            return Engine.getEngine("PyTorch");
        }
    }

    /** min(2, available processors): the fedp2p default on the 2-core reference machines. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Changes the intra-op thread count of an already configured engine (for work whose bytes must not depend on
     * the machine's setting, like the cached default backbone). Callers restore the previous value.
     */
    public static void setThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        synchronized (LOCK) {
            engine();
            JniUtils.setNumThreads(threads);
        }
    }

    /** The current PyTorch intra-op thread count. */
    public static int threads() {
        engine();
        return JniUtils.getNumThreads();
    }
}
