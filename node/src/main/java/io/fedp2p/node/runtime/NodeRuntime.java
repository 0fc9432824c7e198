package io.fedp2p.node.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.gossip.clock.WallClock;
import io.fedp2p.gossip.host.HostConfig;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.KeyFiles;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.peers.BanList;
import io.fedp2p.gossip.peers.NeighbourConfig;
import io.fedp2p.gossip.peers.PeerScorer;
import io.fedp2p.gossip.peers.PeerStore;
import io.fedp2p.gossip.protocol.GossipConfig;
import io.fedp2p.gossip.transport.Libp2pTransport;
import io.fedp2p.node.SeedTree;
import io.fedp2p.node.dashboard.NodeDashboard;
import io.fedp2p.node.dashboard.ServeAddress;
import io.fedp2p.node.engine.ByzantineRole;
import io.fedp2p.node.engine.EngineConfig;
import io.fedp2p.node.engine.ExchangeSetting;
import io.fedp2p.node.engine.RoundEngine;
import io.fedp2p.node.engine.RoundEngineBuilder;
import io.fedp2p.node.train.EngineSetup;
import io.fedp2p.node.train.LocalTrainer;
import io.fedp2p.node.train.ProgressListener;
import io.fedp2p.node.train.TrainSettings;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.attack.AttackSpec;
import io.fedp2p.robustness.defence.DefenceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running {@code fedp2p node}: identity, task and trainer, libp2p transport, round engine, checkpoints, metrics and
 * HTTP API, wired together (STYLE.md §2.9: this class only wires; each part is tested alone). Threads: the engine and
 * the transport's bookkeeping run on one {@link WallClock} thread, DJL on the {@link TrainingWorker} thread, sockets
 * on Netty's event loops, HTTP on Vert.x's.
 */
public final class NodeRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NodeRuntime.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeSettings settings;
    private final NodeTask task;
    private final LocalTrainer trainer;
    private final WallClock clock;
    private final Libp2pTransport transport;
    private final TrainingWorker worker;
    private final ApiServer api;
    private final RoundEngine engine;
    private final RuntimeListener listener;
    private final NodeDashboard dashboard;
    private final ServeAddress apiAddress;
    private final Multiaddr listenAddr;
    private final int apiPort;
    private final boolean ownsTask;
    private boolean closed;

    private NodeRuntime(NodeSettings s, NodeTask shared, ProgressListener progress) throws IOException {
        this.settings = s;
        Files.createDirectories(s.out());
        Identity identity = setup("key file " + s.keyFile(), () -> identity(s.keyFile()));
        EngineSetup.configure(s.threads(), s.seed());
        this.ownsTask = shared == null;
        this.task = shared != null ? shared : setup("task", () -> NodeTask.load(s, progress));
        ObjectNode id = identityJson(identity.peerId(), s, task);
        Optional<Checkpoint> ck = Checkpoint.read(s.out());
        ck.ifPresent(c -> checkCompatible(c, id, s));
        SigningGuard guard = new SigningGuard(s.out());
        long nextRound = Math.max(ck.map(Checkpoint::nextRound).orElse(0L), guard.signedRound() + 1);
        SeedTree seeds = new SeedTree(s.seed());
        AttackSpec attack = setup("attack", () -> AttackSpec.parse(s.attack()));
        var defence = setup("defence", () -> DefenceSpec.parse(s.defence()).create());
        this.trainer = task.task()
                .trainer(
                        s.nodeIndex(),
                        nextRound == 0
                                ? seeds.rng("train", s.nodeIndex())
                                : seeds.child("resume", (int) nextRound).rng("train", s.nodeIndex()),
                        attack.labelMapping()::map);
        TrainSettings train = trainSettings(s, trainer);
        this.clock = new WallClock("fedp2p-engine");
        PeerStore store = new PeerStore(1024, 8);
        BanList bans = new BanList();
        ck.ifPresent(c -> {
            store.restore(c.peers());
            bans.restore(c.bans());
        });
        this.transport = Libp2pTransport.create(
                HostConfig.of(identity).withAgentVersion("fedp2p/0.1.0 node"),
                clock,
                new Libp2pTransport.Options(
                        GossipConfig.defaults(
                                        s.network(),
                                        task.adapterHash(s.exchangeMode()),
                                        task.backboneHash(),
                                        s.exchangeMode().gossipDimension(task.task()))
                                .withEncoding(s.encoding())
                                .withMaxContentBytes(s.maxMessageBytes()),
                        setup("topology", () -> neighbourConfig(s)),
                        PeerScorer.Policy.defaults(),
                        Duration.ofDays(1)),
                store,
                bans);
        this.worker = new TrainingWorker(trainer, train);
        MetricsLog metricsLog = new MetricsLog(s.out());
        metricsLog.reconcile(nextRound - 1, ck.map(Checkpoint::lastRecord).orElse(null));
        NodeMetrics metrics = new NodeMetrics(identity.peerId().toString());
        EventFeed feed = new EventFeed();
        this.listener =
                new RuntimeListener(s, task, transport, store, worker, metricsLog, metrics, feed, guard, id, clock);
        ck.ifPresent(c -> listener.restoreCounters(c.counters()));
        this.listenAddr = transport.listen(s.listen()).join();
        this.dashboard = new NodeDashboard(
                () -> listener.status().status(),
                () -> listener.status().peers(),
                s.rounds(),
                s.gossipSteps(),
                metricsLog.recent(0));
        feed.subscribe(dashboard::onEvent);
        this.api = new ApiServer(listener::status, metricsLog, metrics, feed, dashboard.routes());
        NodeSettings.Endpoint ep = NodeSettings.apiEndpoint(s.api());
        this.apiAddress = new ServeAddress(ep.host(), ep.port());
        apiAddress.warnIfExposed("--api", System.err);
        this.apiPort = api.start(ep.host(), ep.port());
        RoundEngineBuilder b = RoundEngine.builder()
                .clock(clock)
                .transport(transport)
                .compute(worker)
                .defence(defence)
                .evaluators(
                        new TrainerEvaluators(task.task(), trainer, s.defence().startsWith("mozi"), s.batchSize()))
                .rng(seeds.rng("robustness", s.nodeIndex()))
                .listener(listener)
                .config(new EngineConfig(
                        s.rounds(),
                        s.gossipSteps(),
                        s.exchangeTimeout(),
                        s.stepTimeout(),
                        1,
                        Math.max(16, 4 * s.gossipSteps()),
                        s.minNeighbours()))
                .model(ck.map(Checkpoint::model).orElseGet(() -> task.task().initialVector()))
                .resume(
                        nextRound,
                        ck.map(Checkpoint::robustness).orElse(RobustnessState.initial()),
                        ck.map(Checkpoint::lastSentIterate).orElse(null));
        s.exchangeMode().apply(b, task.task());
        if (!attack.name().equals("none")) {
            b.byzantine(setup("attack", () -> ByzantineRole.of(attack.create(), seeds.rng("attack", s.nodeIndex()))
                    .withEquivocation(s.equivocate())));
            log.warn("this node is Byzantine: attack {} (experiments only)", attack.name());
        }
        this.engine = b.build();
        listener.attach(engine, listenAddr);
        dashboard.start(clock);
        if (ck.isPresent())
            log.info("resuming at round {} from {}", nextRound, s.out().resolve(Checkpoint.FILE));
    }

    /**
     * Builds and starts a node: loads (or pretrains) the backbone and the data, listens, serves the API and starts
     * the rounds.
     *
     * @throws NodeSetupException for bad settings, files or an incompatible checkpoint, naming the problem
     */
    public static NodeRuntime start(NodeSettings s, ProgressListener progress) throws IOException {
        NodeRuntime r = new NodeRuntime(s, null, progress);
        r.clock.execute(r.engine::start);
        return r;
    }

    /**
     * Like {@link #start(NodeSettings, ProgressListener)}, but on a task built by the caller and shared by several
     * nodes of one JVM (the demo's peers: one feature cache for all). The task must match the settings (node count,
     * partition, seed); the caller closes it after every node using it.
     */
    public static NodeRuntime start(NodeSettings s, NodeTask shared) throws IOException {
        NodeRuntime r = new NodeRuntime(s, java.util.Objects.requireNonNull(shared, "shared"), ProgressListener.NONE);
        r.clock.execute(r.engine::start);
        return r;
    }

    public Multiaddr listenAddr() {
        return listenAddr;
    }

    public int apiPort() {
        return apiPort;
    }

    /** The dashboard's URL on the API server, e.g. {@code http://127.0.0.1:8080/dashboard/}. */
    public String dashboardUrl() {
        return apiAddress.dashboardUrl(apiPort);
    }

    public PeerId peerId() {
        return transport.localPeer();
    }

    /** Completed when the engine stopped (round limit reached, or {@link #close()}). */
    public CompletableFuture<Long> stopped() {
        return listener.stopped();
    }

    /**
     * Clean shutdown: abandons the step in progress, lets the last round's checkpoint and metrics line finish, closes
     * connections, the API and native memory. Idempotent; safe from a shutdown hook.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        CompletableFuture<Void> stop = new CompletableFuture<>();
        clock.execute(() -> {
            engine.stop();
            stop.complete(null);
        });
        try {
            stop.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("engine did not stop in time: {}", e.toString());
        }
        worker.close(10_000);
        listener.stopped().complete(engine.round());
        transport.close();
        dashboard.close();
        api.close();
        clock.close();
        trainer.close();
        if (ownsTask) task.task().close();
        log.info("node stopped");
    }

    /** A setup step whose IllegalArgumentException is a user error. */
    private static <T> T setup(String what, IoSupplier<T> step) throws IOException {
        try {
            return step.get();
        } catch (IllegalArgumentException | io.fedp2p.node.data.DatasetFormatException e) {
            throw new NodeSetupException(what + ": " + e.getMessage(), e);
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static Identity identity(Path file) throws IOException {
        if (Files.exists(file)) return KeyFiles.read(file);
        if (file.toAbsolutePath().getParent() != null)
            Files.createDirectories(file.toAbsolutePath().getParent());
        Identity id = Identity.generate(new SecureRandom());
        KeyFiles.write(file, id);
        log.info("created identity {} in {}", id.peerId(), file);
        return id;
    }

    private static ObjectNode identityJson(PeerId peer, NodeSettings s, NodeTask task) {
        ObjectNode n = JSON.createObjectNode();
        n.put("peerId", peer.toString());
        n.put("adapter", task.spec().describe());
        n.put("backboneSha256", task.task().backboneHash());
        // only for the newer task, so that checkpoints of fashion-mnist nodes stay compatible
        if (s.task().isTopic()) {
            n.put("task", s.task().name());
            n.put("model", s.task().model());
            n.put("frozenLayers", s.task().frozenLayers());
            n.put("maxLength", s.task().maxLength());
        }
        n.put("dimension", task.task().dimension());
        n.put("seed", s.seed());
        n.put("nodeIndex", s.nodeIndex());
        n.put("numNodes", s.numNodes());
        n.put("partition", s.partition());
        n.put("network", s.network());
        // only when not float, so checkpoints written before the option existed still resume
        if (s.exchangeMode() != ExchangeSetting.FLOAT)
            n.put("exchangeMode", s.exchangeMode().id());
        // a checkpoint's R matrices are only meaningful in the basis of the factors they were trained with (§7.5 #2)
        task.task().fedSbFactorsHash().ifPresent(h -> n.put("fedSbFactorsSha256", h));
        return n;
    }

    private static void checkCompatible(Checkpoint c, ObjectNode now, NodeSettings s) {
        if (!c.identity().toString().equals(now.toString())) {
            throw new NodeSetupException("the checkpoint in " + s.out() + " was written by another setup ("
                    + c.identity() + "); now " + now + ": use the same settings and key, or another --out");
        }
    }

    private static TrainSettings trainSettings(NodeSettings s, LocalTrainer trainer) {
        int k = s.localSteps() > 0
                ? s.localSteps()
                : Math.max(1, (trainer.trainSize() + s.batchSize() - 1) / s.batchSize());
        // SPEC-GAP: fortunes-topic clips the gradient norm at 1, as fedp2p train does for it; fashion-mnist does not
        float clip = s.task().isTopic() ? 1f : 0f;
        return new TrainSettings(s.lr(), s.lrDecay(), k, s.batchSize(), s.rho(), s.momentum(), clip, false);
    }

    private static NeighbourConfig neighbourConfig(NodeSettings s) {
        NeighbourConfig nc = NeighbourConfig.defaults(s.bootstrap())
                .withDegrees(s.targetDegree(), s.maxDegree())
                .withPex(s.pex());
        return s.topology() == null ? nc : nc.withFixedPeers(TopologyFile.read(s.topology()));
    }
}
