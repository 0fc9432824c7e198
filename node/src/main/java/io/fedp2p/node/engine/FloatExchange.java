package io.fedp2p.node.engine;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.robustness.Evaluators;
import io.fedp2p.robustness.defence.MixOutcome;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The default exchange: θ travels as floats and x_{t+1} = z^{(Q)} (ALGORITHMS.md §1.1, §8). Every method is the
 * identity, so the engine computes exactly what it computed before modes existed.
 */
final class FloatExchange implements ExchangeMode {
    static final FloatExchange INSTANCE = new FloatExchange();

    private FloatExchange() {}

    @Override
    public float[] floats(float[] theta) {
        return theta;
    }

    @Override
    public boolean ranked() {
        return false;
    }

    @Override
    public void trained(RoundState rs, float[] theta) {
        // nothing beyond θ
    }

    @Override
    public ModelMessage decorate(RoundState rs, ModelMessage m) {
        return m;
    }

    @Override
    public SortedMap<PeerId, String> screen(RoundState rs) {
        return new TreeMap<>();
    }

    @Override
    public Evaluators evaluators(RoundState rs, Evaluators full) {
        return full;
    }

    @Override
    public void mixed(RoundState rs, MixOutcome o, StepBook book) {
        // the defence's mix is the whole mix
    }

    @Override
    public float[] next(RoundState rs) {
        return rs.z;
    }
}
