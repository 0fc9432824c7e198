package io.fedp2p.node.engine;

import io.fedp2p.gossip.clock.Clock;
import io.fedp2p.gossip.transport.GossipTransport;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.defence.Defence;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Builds a {@link RoundEngine}: clock, transport, compute, defence, initial model and generator are required; the
 * rest has defaults (no evaluators, a listener that ignores events, {@link EngineConfig#defaults(long)}, honest, round
 * 0 with an empty robustness state).
 */
public final class RoundEngineBuilder {
    Clock clock;
    GossipTransport transport;
    LocalCompute compute;
    Defence defence;
    EvaluatorSource evaluators = EvaluatorSource.NONE;
    RandomGenerator rng;
    EngineListener listener = new EngineListener() {};
    EngineConfig config = EngineConfig.defaults(0);
    ByzantineRole byzantine;
    long round;
    float[] model;
    RobustnessState state = RobustnessState.initial();
    float[] lastSentIterate;
    ExchangeMode exchange = FloatExchange.INSTANCE;

    RoundEngineBuilder() {}

    public RoundEngineBuilder clock(Clock c) {
        this.clock = c;
        return this;
    }

    public RoundEngineBuilder transport(GossipTransport t) {
        this.transport = t;
        return this;
    }

    public RoundEngineBuilder compute(LocalCompute c) {
        this.compute = c;
        return this;
    }

    public RoundEngineBuilder defence(Defence d) {
        this.defence = d;
        return this;
    }

    public RoundEngineBuilder evaluators(EvaluatorSource e) {
        this.evaluators = e;
        return this;
    }

    /** The generator of the defence's random choices (e.g. {@code SeedTree.rng("robustness", node)}). */
    public RoundEngineBuilder rng(RandomGenerator r) {
        this.rng = r;
        return this;
    }

    public RoundEngineBuilder listener(EngineListener l) {
        this.listener = l;
        return this;
    }

    public RoundEngineBuilder config(EngineConfig c) {
        this.config = c;
        return this;
    }

    /** Makes this engine Byzantine (experiments only). */
    public RoundEngineBuilder byzantine(ByzantineRole b) {
        this.byzantine = b;
        return this;
    }

    /**
     * FRL-native adapter mode (ALGORITHMS.md §3.9a): rankings of the supermask scores travel and are voted on with a
     * W-weighted Borda count, the head travels as floats through the defence. The transport's gossip dimension must be
     * {@link FrlLayout#floatDimension()}.
     */
    public RoundEngineBuilder frlNative(FrlLayout layout) {
        this.exchange = new FrlNativeExchange(layout);
        return this;
    }

    /** The initial model x_t (copied). */
    public RoundEngineBuilder model(float[] m) {
        this.model = m;
        return this;
    }

    /** Resume point: the next round to run, the robustness state and the last sent iterate (may be null). */
    public RoundEngineBuilder resume(long nextRound, RobustnessState s, float[] lastIterate) {
        if (nextRound < 0) throw new IllegalArgumentException("negative round");
        this.round = nextRound;
        this.state = Objects.requireNonNull(s, "state");
        this.lastSentIterate = lastIterate == null ? null : lastIterate.clone();
        return this;
    }

    public RoundEngine build() {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(compute, "compute");
        Objects.requireNonNull(defence, "defence");
        Objects.requireNonNull(rng, "rng");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(evaluators, "evaluators");
        if (exchange instanceof FrlNativeExchange f && f.layout().dimension() != model.length) {
            throw new IllegalArgumentException("model has " + model.length + " values, the FRL layout "
                    + f.layout().dimension());
        }
        return new RoundEngine(this);
    }
}
