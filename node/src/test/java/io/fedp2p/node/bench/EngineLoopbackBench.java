package io.fedp2p.node.bench;

import io.fedp2p.gossip.clock.WallClock;
import io.fedp2p.gossip.host.HostConfig;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.peers.BanList;
import io.fedp2p.gossip.peers.NeighbourConfig;
import io.fedp2p.gossip.peers.PeerScorer;
import io.fedp2p.gossip.peers.PeerStore;
import io.fedp2p.gossip.protocol.GossipConfig;
import io.fedp2p.gossip.protocol.PayloadEncoding;
import io.fedp2p.gossip.transport.Libp2pTransport;
import io.fedp2p.node.engine.EngineConfig;
import io.fedp2p.node.engine.EngineListener;
import io.fedp2p.node.engine.LocalCompute;
import io.fedp2p.node.engine.RoundEngine;
import io.fedp2p.node.engine.RoundResult;
import io.fedp2p.robustness.defence.DefenceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The protocol's own cost per round, without training: three round engines over real libp2p transports on loopback
 * (one JVM, one clock thread each), fully connected, Q = 4, the default pipeline, vectors of the node's real size
 * (2,314 floats: FFA-LoRA r = 8 on fc1 plus the head), and a "training" that returns at once. The mean round time is
 * then signing, sending, receiving, verifying, the pipeline and the RFFL update: what a round adds to local compute.
 * Run: {@code mvn -B -pl node -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=EngineLoopbackBench -Dfailsafe.failIfNoSpecifiedTests=false -Dnpm.skip=true}.
 */
class EngineLoopbackBench {
    private static final int NODES = 3;
    private static final int D = 2314;
    private static final int ROUNDS = 60;
    private static final int WARMUP = 10;

    @Test
    void measure() throws Exception {
        for (PayloadEncoding e : PayloadEncoding.values()) run(e);
    }

    private void run(PayloadEncoding encoding) throws Exception {
        List<WallClock> clocks = new ArrayList<>();
        List<Libp2pTransport> transports = new ArrayList<>();
        List<List<RoundResult>> results = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(NODES);
        Multiaddr first = null;
        var hash = GossipConfig.sha256("bench");
        for (int i = 0; i < NODES; i++) {
            byte[] seed = new byte[32];
            Arrays.fill(seed, (byte) (40 + i));
            WallClock clock = new WallClock("bench-" + i);
            clocks.add(clock);
            Libp2pTransport t = Libp2pTransport.create(
                    HostConfig.of(Identity.fromSeed(seed)).withIoThreads(1),
                    clock,
                    new Libp2pTransport.Options(
                            GossipConfig.defaults("bench", hash, hash, D).withEncoding(encoding),
                            NeighbourConfig.defaults(first == null ? List.of() : List.of(first))
                                    .withDegrees(2, 4),
                            PeerScorer.Policy.defaults(),
                            Duration.ofHours(1)),
                    new PeerStore(16, 4),
                    new BanList());
            transports.add(t);
            Multiaddr addr = t.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).join();
            if (first == null) first = addr;
            List<RoundResult> rs = new ArrayList<>();
            results.add(rs);
            // one shared optimum plus a little per-node noise: honest updates agree, so RFFL removes nobody
            SplittableRandom shared = new SplittableRandom(99);
            SplittableRandom own = new SplittableRandom(i);
            float[] centre = new float[D];
            for (int k = 0; k < D; k++) centre[k] = (float) (shared.nextGaussian() + 0.05 * own.nextGaussian());
            LocalCompute instant = (round, start, cb) -> {
                float[] y = start.clone();
                for (int k = 0; k < D; k++) y[k] += 0.1f * (centre[k] - y[k]);
                cb.accept(LocalCompute.TrainOutcome.of(y, 0));
            };
            RoundEngine engine = RoundEngine.builder()
                    .clock(clock)
                    .transport(t)
                    .compute(instant)
                    .defence(DefenceSpec.parse("pipeline").create())
                    .rng(new SplittableRandom(7 + i))
                    .config(EngineConfig.defaults(ROUNDS).withMinNeighbours(2))
                    .listener(new EngineListener() {
                        @Override
                        public void onRoundCompleted(RoundResult r) {
                            rs.add(r);
                        }

                        @Override
                        public void onStopped(long next) {
                            done.countDown();
                        }
                    })
                    .model(new float[D])
                    .build();
            clock.execute(engine::start);
        }
        boolean finished = done.await(5, TimeUnit.MINUTES);
        double round = 0;
        double mix = 0;
        double bytes = 0;
        int n = 0;
        for (List<RoundResult> rs : results) {
            for (RoundResult r : rs) {
                if (r.round() < WARMUP) continue;
                round += r.roundNanos() / 1e9;
                mix += r.mixNanos() / 1e9;
                bytes += r.bytesSent();
                n++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-8s %s %d samples: round %.4f s (mixing %.4f s), %,.0f B sent/node/round%n",
                encoding.cliName(),
                finished ? "" : "(incomplete)",
                n,
                round / n,
                mix / n,
                bytes / n);
        transports.forEach(Libp2pTransport::close);
        clocks.forEach(WallClock::close);
    }
}
