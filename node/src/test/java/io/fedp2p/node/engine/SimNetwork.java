package io.fedp2p.node.engine;

import com.google.protobuf.ByteString;
import io.fedp2p.gossip.clock.VirtualClock;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.GossipConfig;
import io.fedp2p.gossip.transport.InMemoryNetwork;
import io.fedp2p.gossip.transport.InMemoryTransport;
import io.fedp2p.robustness.defence.Defence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/** n engines on one virtual clock and an in-memory network, for engine tests. */
final class SimNetwork {
    static final ByteString HASH = GossipConfig.sha256("engine-test");

    final VirtualClock clock = new VirtualClock();
    final InMemoryNetwork network;
    final List<InMemoryTransport> transports = new ArrayList<>();
    final List<RoundEngine> engines = new ArrayList<>();
    final List<RecordingEngineListener> listeners = new ArrayList<>();
    final List<PeerId> ids = new ArrayList<>();

    SimNetwork(int n, boolean wireFidelity, int dimension) {
        network = new InMemoryNetwork(
                clock,
                InMemoryNetwork.Options.fast(GossipConfig.defaults("engine-test", HASH, HASH, dimension))
                        .withWireFidelity(wireFidelity));
        for (int i = 0; i < n; i++) {
            byte[] seed = new byte[32];
            Arrays.fill(seed, (byte) (i + 1));
            InMemoryTransport t = network.join(Identity.fromSeed(seed));
            transports.add(t);
            ids.add(t.localPeer());
        }
    }

    void link(int a, int b) {
        network.connect(ids.get(a), ids.get(b));
    }

    /** Builds and registers engine i (not started). */
    RoundEngine engine(
            int i, EngineConfig config, Defence defence, LocalCompute compute, float[] x0, ByzantineRole byz) {
        return engine(i, config, defence, compute, x0, byz, null);
    }

    /** Builds and registers engine i (not started), in FRL-native mode when {@code frl} is not null. */
    RoundEngine engine(
            int i,
            EngineConfig config,
            Defence defence,
            LocalCompute compute,
            float[] x0,
            ByzantineRole byz,
            FrlLayout frl) {
        RecordingEngineListener l = new RecordingEngineListener();
        RoundEngineBuilder b = RoundEngine.builder()
                .clock(clock)
                .transport(transports.get(i))
                .compute(compute)
                .defence(defence)
                .rng(new SplittableRandom(100 + i))
                .listener(l)
                .config(config)
                .model(x0);
        if (byz != null) b.byzantine(byz);
        if (frl != null) b.frlNative(frl);
        RoundEngine e = b.build();
        engines.add(e);
        listeners.add(l);
        return e;
    }

    void startAll() {
        clock.runUntilIdle(1000); // deliver the link events first
        engines.forEach(RoundEngine::start);
    }

    void run(long maxEvents) {
        clock.runUntilIdle(maxEvents);
    }

    static float[][] centres(int n, int d, IntFunction<Float> base) {
        float[][] c = new float[n][d];
        for (int i = 0; i < n; i++) for (int e = 0; e < d; e++) c[i][e] = base.apply(i) + 0.37f * e - 0.11f * i * e;
        return c;
    }
}
