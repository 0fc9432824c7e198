package io.fedp2p.node.engine;

import io.fedp2p.gossip.clock.Clock;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.defence.RoundContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The mutable data of the round in progress (engine thread only). */
final class RoundState {
    final long round;
    final long startNanos;
    final long bytesSentAtStart;
    final long bytesReceivedAtStart;
    long trainNanos;
    long mixNanos;
    double trainLoss = Double.NaN;
    float[] theta;
    float[] delta;
    float[] z;
    /** The node's current per-layer rankings (FRL-native mode, ALGORITHMS.md §3.9a); null in float mode. */
    int[][] ranking;

    int degree;
    /** Neighbours this node exchanges with this round (transport neighbours minus RFFL bans), fixed at step 0. */
    SortedSet<PeerId> exchange = new TreeSet<>();
    /** Everyone counted in the degree, fixed at step 0. */
    SortedSet<PeerId> neighbours = new TreeSet<>();

    int step;
    boolean sent;
    long stepStartNanos;
    SortedSet<PeerId> expected = new TreeSet<>();
    SortedMap<PeerId, ModelMessage> inbox = new TreeMap<>();
    final TreeMap<PeerId, Integer> degrees = new TreeMap<>();
    RoundContext context;
    double[] deficits;
    final TreeMap<PeerId, PeerOutcome> outcomes = new TreeMap<>();
    final TreeMap<PeerKey, float[]> lastStep = new TreeMap<>();
    final List<String> notes = new ArrayList<>();
    Clock.Timer deadline;
    Clock.Timer rush;

    RoundState(long round, long startNanos, long sent, long received, int gossipSteps) {
        this.round = round;
        this.startNanos = startNanos;
        this.bytesSentAtStart = sent;
        this.bytesReceivedAtStart = received;
        this.deficits = new double[gossipSteps];
    }

    void cancelTimers() {
        if (deadline != null) deadline.cancel();
        if (rush != null) rush.cancel();
        deadline = null;
        rush = null;
    }

    boolean allArrived() {
        return inbox.keySet().containsAll(expected);
    }
}
