package io.fedp2p.node.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.gossip.clock.Clock;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.peers.PeerStore;
import io.fedp2p.gossip.protocol.EquivocationProof;
import io.fedp2p.gossip.transport.Libp2pTransport;
import io.fedp2p.node.engine.EngineListener;
import io.fedp2p.node.engine.PeerOutcome;
import io.fedp2p.node.engine.RoundEngine;
import io.fedp2p.node.engine.RoundResult;
import io.fedp2p.node.train.Evaluation;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's reaction to engine events. On the engine thread: the signing guard before a round's first message,
 * the peer table, the status snapshot and the checkpoint's content. On the worker thread, after each round: the test
 * evaluation, the checkpoint write, the {@code metrics.jsonl} line, Micrometer and the event feed.
 */
final class RuntimeListener implements EngineListener {
    private static final Logger log = LoggerFactory.getLogger(RuntimeListener.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeSettings settings;
    private final NodeTask task;
    private final Libp2pTransport transport;
    private final PeerStore store;
    private final TrainingWorker worker;
    private final MetricsLog metricsLog;
    private final NodeMetrics metrics;
    private final EventFeed feed;
    private final SigningGuard guard;
    private final ObjectNode identity;
    private final Clock clock;
    private final PeerTable table = new PeerTable();
    private final CompletableFuture<Long> stopped = new CompletableFuture<>();
    private RoundEngine engine;
    private Multiaddr listenAddr;
    private volatile NodeStatus status;

    RuntimeListener(
            NodeSettings settings,
            NodeTask task,
            Libp2pTransport transport,
            PeerStore store,
            TrainingWorker worker,
            MetricsLog metricsLog,
            NodeMetrics metrics,
            EventFeed feed,
            SigningGuard guard,
            ObjectNode identity,
            Clock clock) {
        this.settings = settings;
        this.task = task;
        this.transport = transport;
        this.store = store;
        this.worker = worker;
        this.metricsLog = metricsLog;
        this.metrics = metrics;
        this.feed = feed;
        this.guard = guard;
        this.identity = identity;
        this.clock = clock;
        this.status = new NodeStatus(JSON.createObjectNode(), JSON.createArrayNode());
    }

    void attach(RoundEngine e, Multiaddr addr) {
        this.engine = e;
        this.listenAddr = addr;
        clock.execute(this::refreshPeriodically);
    }

    void restoreCounters(ObjectNode saved) {
        table.restore(saved);
    }

    NodeStatus status() {
        return status;
    }

    CompletableFuture<Long> stopped() {
        return stopped;
    }

    @Override
    public void beforeSigning(long round) {
        guard.beforeSigning(round);
    }

    @Override
    public void onRoundStarted(long round) {
        publish();
    }

    @Override
    public void onRoundCompleted(RoundResult r) {
        table.add(r);
        publish();
        Checkpoint base = new Checkpoint(
                r.round() + 1,
                identity,
                r.model(),
                engine.lastSentIterate(),
                r.state(),
                store.snapshot(),
                transport.bans().snapshot(clock.instant()),
                table.countersJson(),
                JSON.createObjectNode());
        worker.submit(() -> afterRound(r, base));
    }

    private void afterRound(RoundResult r, Checkpoint base) {
        long t0 = System.nanoTime();
        Evaluation ev = task.task()
                .evaluateAll(List.of(r.model()), task.task().testSet())
                .get(0);
        long evalNanos = System.nanoTime() - t0;
        ObjectNode record = record(r, ev);
        record.put("evalSeconds", evalNanos / 1e9);
        record.put("computeSeconds", (worker.takeComputeNanos(r.round()) + r.mixNanos()) / 1e9);
        try {
            new Checkpoint(
                            base.nextRound(),
                            base.identity(),
                            base.model(),
                            base.lastSentIterate(),
                            base.robustness(),
                            base.peers(),
                            base.bans(),
                            base.counters(),
                            record)
                    .write(settings.out());
            metricsLog.append(record);
        } catch (IOException e) {
            log.error("cannot write the checkpoint or metrics of round {}: {}", r.round(), e.getMessage());
        }
        metrics.round(r, ev.accuracy(), ev.meanLoss());
        feed.publish("round", record);
        log.info(String.format(
                Locale.ROOT,
                "round %d: test accuracy %.4f, loss %.4f, %d accepted, %d rejected, deficit %.3f, %.1f s",
                r.round(),
                ev.accuracy(),
                ev.meanLoss(),
                r.accepted().size(),
                r.rejected().size(),
                r.mixingDeficit(),
                r.roundNanos() / 1e9));
    }

    /** The {@code metrics.jsonl} record of a round (CLI.md field names first). */
    static ObjectNode record(RoundResult r, Evaluation ev) {
        ObjectNode o = JSON.createObjectNode();
        o.put("round", r.round());
        o.put("testAccuracy", ev.accuracy());
        o.put("loss", ev.meanLoss());
        ArrayNode acc = o.putArray("accepted");
        ArrayNode rej = o.putArray("rejected");
        for (PeerOutcome p : r.outcomes()) {
            (p.accepted() ? acc : rej).addObject().put("peerId", p.peerId()).put("reason", p.reason());
        }
        o.put("bytesSent", r.bytesSent());
        o.put("bytesReceived", r.bytesReceived());
        o.put("roundSeconds", r.roundNanos() / 1e9);
        o.put("mixingDeficit", r.mixingDeficit());
        o.put("degree", r.degree());
        o.put("trainSeconds", r.trainNanos() / 1e9);
        o.put("mixSeconds", r.mixNanos() / 1e9);
        o.put("trainLoss", Double.isNaN(r.trainLoss()) ? null : r.trainLoss());
        return o;
    }

    @Override
    public void onEquivocation(EquivocationProof proof) {
        metrics.equivocation();
        ObjectNode e = JSON.createObjectNode()
                .put("peerId", proof.offender().toString())
                .put("round", proof.round())
                .put("step", proof.step());
        feed.publish("equivocation", e);
        publish();
    }

    @Override
    public void onFault(PeerId peer, FaultKind kind, String detail) {
        metrics.fault(kind);
    }

    @Override
    public void onNeighbour(PeerId peer, boolean up) {
        log.info("neighbour {} {}", up ? "joined:" : "left:", peer);
        publish();
        feed.publish("peers", JSON.createObjectNode().set("peers", status.peers()));
    }

    @Override
    public void onCatchUp(long fromRound, long toRound) {
        feed.publish(
                "status", JSON.createObjectNode().put("catchUpFrom", fromRound).put("catchUpTo", toRound));
    }

    @Override
    public void onTrainingFailed(long round, Throwable failure) {
        feed.publish(
                "status", JSON.createObjectNode().put("trainingFailed", round).put("error", failure.getMessage()));
    }

    @Override
    public void onStopped(long nextRound) {
        publish();
        // the last round's bookkeeping is queued on the worker: complete after it
        worker.submit(() -> stopped.complete(nextRound));
    }

    private void refreshPeriodically() {
        if (stopped.isDone()) return;
        publish();
        clock.schedule(Duration.ofSeconds(1), this::refreshPeriodically);
    }

    /** Rebuilds the status snapshot (engine thread). */
    private void publish() {
        if (engine == null) return;
        var neighbours = transport.neighbours();
        metrics.neighbours(neighbours.size());
        ObjectNode s = JSON.createObjectNode();
        s.put("peerId", transport.localPeer().toString());
        s.put("round", engine.round());
        ArrayNode addrs = s.putArray("listenAddrs");
        for (Multiaddr a : transport.host().listenAddrs())
            addrs.add(a.withPeerId(transport.localPeer()).toString());
        s.put("peers", neighbours.size());
        s.put("phase", engine.phase().name().toLowerCase(Locale.ROOT));
        s.put("step", engine.step());
        ArrayNode waiting = s.putArray("waitingFor");
        for (PeerId p : engine.waitingFor()) waiting.add(p.toString());
        s.put("defence", settings.defence());
        s.put("attack", settings.attack());
        s.put("network", settings.network());
        s.set("setup", identity);
        ArrayNode peers = table.rows(
                neighbours,
                store,
                transport.bans().snapshot(clock.instant()),
                engine.robustnessState(),
                transport.trafficByPeer());
        status = new NodeStatus(s, peers);
    }
}
