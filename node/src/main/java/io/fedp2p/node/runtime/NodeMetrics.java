package io.fedp2p.node.runtime;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.node.engine.PeerOutcome;
import io.fedp2p.node.engine.RoundResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The node's Prometheus metrics ({@code /metrics}) through Micrometer: the round and the neighbour count, test
 * accuracy and loss, mixing deficit, bytes, round and training time, rejections by reason, peer faults by kind,
 * equivocations. Thread-safe.
 */
final class NodeMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicLong round = new AtomicLong(-1);
    private final AtomicLong neighbours = new AtomicLong();
    private final AtomicReference<Double> accuracy = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> loss = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> deficit = new AtomicReference<>(Double.NaN);
    private final Counter bytesSent;
    private final Counter bytesReceived;
    private final Counter rounds;
    private final Counter equivocations;
    private final Timer roundTime;
    private final Timer trainTime;

    NodeMetrics(String peerId) {
        registry.config().commonTags("peer", peerId);
        Gauge.builder("fedp2p_round", round, AtomicLong::get)
                .description("last completed round")
                .register(registry);
        Gauge.builder("fedp2p_neighbours", neighbours, AtomicLong::get)
                .description("current gossip neighbours")
                .register(registry);
        Gauge.builder("fedp2p_test_accuracy", accuracy, AtomicReference::get)
                .description("test accuracy after the last round")
                .register(registry);
        Gauge.builder("fedp2p_test_loss", loss, AtomicReference::get)
                .description("test loss after the last round")
                .register(registry);
        Gauge.builder("fedp2p_mixing_deficit", deficit, AtomicReference::get)
                .description("mean W weight moved to self per step in the last round (ALGORITHMS.md 1.6 #2)")
                .register(registry);
        bytesSent = Counter.builder("fedp2p_bytes_sent").baseUnit("bytes").register(registry);
        bytesReceived =
                Counter.builder("fedp2p_bytes_received").baseUnit("bytes").register(registry);
        rounds =
                Counter.builder("fedp2p_rounds").description("completed rounds").register(registry);
        equivocations = Counter.builder("fedp2p_equivocations")
                .description("proven equivocations")
                .register(registry);
        roundTime = Timer.builder("fedp2p_round_duration")
                .description("round wall time")
                .register(registry);
        trainTime = Timer.builder("fedp2p_local_training_duration")
                .description("local training time")
                .register(registry);
    }

    void neighbours(int n) {
        neighbours.set(n);
    }

    void round(RoundResult r, double testAccuracy, double testLoss) {
        round.set(r.round());
        accuracy.set(testAccuracy);
        loss.set(testLoss);
        deficit.set(r.mixingDeficit());
        bytesSent.increment(r.bytesSent());
        bytesReceived.increment(r.bytesReceived());
        rounds.increment();
        roundTime.record(Duration.ofNanos(r.roundNanos()));
        trainTime.record(Duration.ofNanos(r.trainNanos()));
        for (PeerOutcome o : r.rejected()) {
            Counter.builder("fedp2p_rejections")
                    .tag("reason", o.reason())
                    .register(registry)
                    .increment();
        }
    }

    void fault(FaultKind kind) {
        Counter.builder("fedp2p_peer_faults")
                .tag("kind", kind.name())
                .register(registry)
                .increment();
    }

    void equivocation() {
        equivocations.increment();
    }

    /** The Prometheus text exposition. */
    String scrape() {
        return registry.scrape();
    }
}
