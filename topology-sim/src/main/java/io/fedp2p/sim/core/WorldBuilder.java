package io.fedp2p.sim.core;

import com.google.protobuf.ByteString;
import io.fedp2p.gossip.clock.VirtualClock;
import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.peers.PeerScorer;
import io.fedp2p.gossip.protocol.GossipConfig;
import io.fedp2p.gossip.transport.InMemoryNetwork;
import io.fedp2p.node.SeedTree;
import io.fedp2p.node.engine.EngineConfig;
import io.fedp2p.node.engine.ExchangeSetting;
import io.fedp2p.node.runtime.AdapterHash;
import io.fedp2p.node.train.LocalTrainer;
import io.fedp2p.node.train.Task;
import io.fedp2p.robustness.attack.Knowledge;
import io.fedp2p.robustness.defence.Defence;
import io.fedp2p.robustness.defence.DefenceSpec;
import io.fedp2p.sim.network.NetworkModel;
import io.fedp2p.sim.network.NetworkSettings;
import io.fedp2p.sim.scenario.LearningSettings;
import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.topology.ByzantinePlacement;
import io.fedp2p.sim.topology.MixingSpectrum;
import io.fedp2p.sim.topology.SpectralGap;
import io.fedp2p.sim.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Builds a {@link World} from a scenario and a task: the topology and its spectral gap, the Byzantine placement, the
 * late joiners, identities, the in-memory network with the scenario's link model, and per node its transport,
 * trainer, compute port and defence callbacks. Every random choice has its own {@link SeedTree} stream, so adding
 * draws for one purpose never shifts another.
 */
final class WorldBuilder {
    /** Rules without a mixing matrix: a dissensus attacker uses 1/(deg + 1) for them (ALGORITHMS.md §6.7). */
    private static final Set<String> UNIFORM_WEIGHT_RULES =
            Set.of("median", "trimmed-mean", "geometric-median", "mozi", "krum", "multi-krum", "multi-krum-iterative");

    final Scenario scenario;
    final Task task;
    final SimulationListener listener;
    final SeedTree seeds;
    final VirtualClock clock = new VirtualClock();
    Topology topology;
    SpectralGap spectralGap;
    InMemoryNetwork network;
    NetworkModel links;
    SimNode[] nodes;
    final Map<PeerId, Integer> index = new HashMap<>();
    private final Map<PeerId, Integer> byIdentity = new IdentityHashMap<>();
    List<Integer> lateJoiners;
    RoundCollector collector;
    TrainingPool pool;
    BatchEvaluator evaluator;
    Defence defence;
    EngineConfig engineConfig;
    TargetViews targets;
    long collusionSeed;

    private WorldBuilder(Scenario scenario, Task task, SimulationListener listener) {
        this.scenario = scenario;
        this.task = task;
        this.listener = listener;
        this.seeds = new SeedTree(scenario.seed());
    }

    static World build(Scenario s, Task task, Workers workers, SimulationListener listener) {
        if (task.numNodes() != s.nodes()) {
            throw new IllegalArgumentException("task has " + task.numNodes() + " nodes, scenario " + s.nodes());
        }
        WorldBuilder b = new WorldBuilder(s, task, listener);
        b.topology = s.topology().build(s.nodes(), b.seeds.rng("topology", 0));
        b.spectralGap = MixingSpectrum.of(b.topology, b.seeds.rng("spectrum", 0));
        ByzantinePlacement.Placement placement =
                s.adversary().placement().place(b.topology, s.adversary().byzantine(), b.seeds.rng("placement", 0));
        boolean[] byz = new boolean[s.nodes()];
        for (int i : placement.byzantine()) byz[i] = true;
        b.lateJoiners = lateJoiners(byz, s.lateJoiners(), b.seeds.rng("churn", 0));
        b.collusionSeed = b.seeds.seed("collusion", 0);
        b.defence = s.defence().create();
        LearningSettings l = s.learning();
        b.engineConfig = new EngineConfig(
                s.rounds(),
                l.gossipSteps(),
                l.exchangeTimeout(),
                l.stepTimeout(),
                1,
                Math.max(16, 4 * l.gossipSteps()),
                1);
        b.network(byz);
        b.pool = new TrainingPool(workers);
        b.evaluator = new BatchEvaluator(task, s.evaluation().testSamples(), workers.threads());
        b.collector = new RoundCollector(byz, s.rounds(), s.evaluation(), b.evaluator, listener, b.clock);
        b.nodes(byz);
        return new World(b);
    }

    /**
     * The index of a peer: by identity first (the network hands back the very PeerId objects the nodes joined with),
     * by value otherwise. Hashing a peer id reads its whole multihash, and the link model asks twice per message.
     */
    private int indexOf(PeerId p) {
        Integer i = byIdentity.get(p);
        return i != null ? i : index.get(p);
    }

    /** The late joiners: honest nodes drawn uniformly, in join order. */
    private static List<Integer> lateJoiners(boolean[] byz, int count, RandomGenerator rng) {
        List<Integer> honest = new ArrayList<>();
        for (int i = 0; i < byz.length; i++) if (!byz[i]) honest.add(i);
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < count; k++) out.add(honest.remove(rng.nextInt(honest.size())));
        return out;
    }

    private void network(boolean[] byz) {
        NetworkSettings ns = scenario.network();
        ExchangeSetting exchange = scenario.task().exchangeMode();
        ByteString adapterHash = AdapterHash.of(task, scenario.seed(), exchange);
        ByteString backboneHash = ByteString.copyFrom(HexFormat.of().parseHex(task.backboneHash()));
        GossipConfig gossip = GossipConfig.defaults(
                        "fedp2p-sim", adapterHash, backboneHash, exchange.gossipDimension(task))
                .withEncoding(ns.encoding())
                .withRelayEvidence(ns.relayEvidence());
        links = new NetworkModel(ns, this::indexOf, scenario.nodes(), seeds.rng("network", 0));
        network = new InMemoryNetwork(
                clock,
                new InMemoryNetwork.Options(
                        gossip, ns.wireFidelity(), links, PeerScorer.Policy.defaults(), Duration.ofDays(1)));
        boolean targetOmniscient = scenario.adversary().byzantine() > 0
                && scenario.adversary().attack().create().knowledge() == Knowledge.TARGET_OMNISCIENT;
        if (targetOmniscient) {
            targets = new TargetViews(
                    network,
                    index,
                    byz,
                    UNIFORM_WEIGHT_RULES.contains(scenario.defence().name()));
        }
    }

    private void nodes(boolean[] byz) {
        int n = scenario.nodes();
        nodes = new SimNode[n];
        ComputeModel compute = new ComputeModel(scenario.compute(), n, seeds.rng("compute", 0));
        boolean mozi = scenario.defence().name().equals("mozi");
        var labelFlip = scenario.adversary().attack().labelMapping();
        for (int i = 0; i < n; i++) {
            byte[] idSeed = new byte[Identity.SEED_BYTES];
            seeds.rng("identity", i).nextBytes(idSeed);
            var transport = network.join(Identity.fromSeed(idSeed));
            index.put(transport.localPeer(), i);
            byIdentity.put(transport.localPeer(), i);
            LocalTrainer trainer = task.trainer(i, seeds.rng("train", i), byz[i] ? labelFlip::map : y -> y);
            SimCompute sc = new SimCompute(
                    i, trainer, scenario.learning().trainSettings(trainer.trainSize()), compute, pool, clock);
            nodes[i] = new SimNode(
                    i,
                    transport.localPeer(),
                    byz[i],
                    new NodeTransport(i, transport, targets),
                    trainer,
                    sc,
                    new TaskEvaluators(task, trainer, mozi, scenario.learning().batchSize()),
                    seeds.rng("robustness", i),
                    seeds.rng("attack", i));
        }
        for (int j : lateJoiners) nodes[j].status = SimNode.Status.ABSENT;
    }

    /** The f the victims' rule assumes (Fang-Krum's knowledge): the rule's own f or b, else 1. */
    static int victimF(DefenceSpec d) {
        if (d instanceof DefenceSpec.KrumSpec k) return Math.max(1, k.f());
        if (d instanceof DefenceSpec.MultiKrumSpec k) return Math.max(1, k.f());
        if (d instanceof DefenceSpec.IterativeMultiKrumSpec k) return Math.max(1, k.f());
        if (d instanceof DefenceSpec.TrimmedMeanSpec t) return Math.max(1, t.b());
        return 1;
    }
}
