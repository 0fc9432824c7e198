package io.fedp2p.node.engine;

import io.fedp2p.gossip.clock.Clock;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.host.TrafficStats;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.EquivocationProof;
import io.fedp2p.gossip.protocol.ModelMessage;
import io.fedp2p.gossip.transport.GossipTransport;
import io.fedp2p.gossip.transport.TransportListener;
import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.Evaluators;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.RoundInput;
import io.fedp2p.robustness.StepInput;
import io.fedp2p.robustness.defence.Defence;
import io.fedp2p.robustness.defence.MixOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's DFedSAM-MGS rounds with the robustness pipeline (ALGORITHMS.md §1.1, §8), as an event-driven state
 * machine on a {@link Clock}'s event thread:
 *
 * <pre>
 * round t:  TRAINING ── K local SAM steps (LocalCompute) ──▶ θ, Δ = θ − x_t
 *           EXCHANGE q = 0: send (θ, Δ, ρ, degree) to the neighbours; wait for theirs (or the timeout);
 *                           Defence.stepZero → z^(1), accepted set A_i
 *           EXCHANGE q = 1..Q−1: send z^(q); wait for A_i's (or the timeout); Defence.step → z^(q+1)
 *           Defence.endRound (RFFL update) ─▶ x_{t+1} = z^(Q), RoundResult to the listener, next round
 * </pre>
 *
 * W comes from the degrees in the messages (Metropolis–Hastings); a neighbour silent at a step is left out and its
 * weight stays with the node (the mixing deficit). Messages for later steps or the next round are buffered; older
 * ones are dropped. A node that a majority of its neighbours has left two rounds behind jumps to their round.
 *
 * <p>Not thread-safe: every method, and every port callback, runs on the clock's event thread. Create with {@link
 * Builder}; call {@link #start()} once.
 */
public final class RoundEngine {
    private static final Logger log = LoggerFactory.getLogger(RoundEngine.class);

    /** Where the engine is. */
    public enum Phase {
        IDLE,
        TRAINING,
        EXCHANGE,
        STOPPED
    }

    private final Clock clock;
    private final GossipTransport transport;
    private final LocalCompute compute;
    private final Defence defence;
    private final EvaluatorSource evaluators;
    private final RandomGenerator rng;
    private final EngineListener listener;
    private final EngineConfig config;
    private final ByzantineRole byzantine;
    private final ExchangeMode mode;
    private final EarlyMessages early;
    private final Outbox outbox;
    private final CatchUp catchUp = new CatchUp();
    private final StepBook book = new StepBook();

    private long round;
    private float[] x;
    private RobustnessState state;
    private Phase phase = Phase.IDLE;
    private boolean stopping;
    private boolean waitingForNeighbours;
    private long meanRoundNanos;
    private RoundState rs;

    RoundEngine(RoundEngineBuilder b) {
        this.clock = b.clock;
        this.transport = b.transport;
        this.compute = b.compute;
        this.defence = b.defence;
        this.evaluators = b.evaluators;
        this.rng = b.rng;
        this.listener = b.listener;
        this.config = b.config;
        this.byzantine = b.byzantine;
        this.round = b.round;
        this.x = b.model.clone();
        this.state = b.state;
        this.mode = b.exchange;
        this.outbox = new Outbox(b.transport, b.byzantine, b.config.gossipSteps(), b.lastSentIterate, b.exchange);
        this.early = new EarlyMessages(config.maxBufferedPerPeer());
    }

    public static RoundEngineBuilder builder() {
        return new RoundEngineBuilder();
    }

    /** Starts listening to the transport and begins the first round. */
    public void start() {
        if (phase != Phase.IDLE || rs != null) throw new IllegalStateException("already started");
        transport.start(new Events());
        beginRound();
    }

    /** Abandons the round in progress (its messages already sent stay sent) and stops; idempotent. */
    public void stop() {
        stopping = true;
        if (phase == Phase.STOPPED) return;
        if (rs != null) rs.cancelTimers();
        rs = null;
        phase = Phase.STOPPED;
        listener.onStopped(round);
    }

    public long round() {
        return round;
    }

    public Phase phase() {
        return phase;
    }

    /** The step in progress (0 while training). */
    public int step() {
        return rs == null ? 0 : rs.step;
    }

    /** Neighbours whose message for the step in progress has not arrived yet (empty outside the exchange). */
    public SortedSet<PeerId> waitingFor() {
        TreeSet<PeerId> w = new TreeSet<>();
        if (rs == null || phase != Phase.EXCHANGE) return w;
        w.addAll(rs.expected);
        w.removeAll(rs.inbox.keySet());
        return w;
    }

    /** x_t, the model at the start of the current round (a copy). */
    public float[] model() {
        return x.clone();
    }

    public RobustnessState robustnessState() {
        return state;
    }

    /** ẑ^{(Q−1)} of the last finished round as this node sent it (for the next mixing residual), or null. */
    public float[] lastSentIterate() {
        float[] last = outbox.lastSentIterate();
        return last == null ? null : last.clone();
    }

    // --- round life cycle ----------------------------------------------------------------------------------------

    private void beginRound() {
        if (stopping || (config.rounds() > 0 && round >= config.rounds())) {
            stop();
            return;
        }
        long majority = catchUp.majorityRound(transport.neighbours());
        if (majority > round) {
            log.info("catching up from round {} to round {} (where most neighbours are)", round, majority);
            listener.onCatchUp(round, majority);
            round = majority;
            outbox.forgetIterate();
            if (config.rounds() > 0 && round >= config.rounds()) {
                stop();
                return;
            }
        }
        if (transport.neighbours().size() < config.minNeighbours()) {
            waitingForNeighbours = true; // a neighbour joining starts the round
            return;
        }
        waitingForNeighbours = false;
        early.dropBefore(round, 0);
        TrafficStats t = transport.traffic();
        rs = new RoundState(round, clock.nanos(), t.bytesOut(), t.bytesIn(), config.gossipSteps());
        phase = Phase.TRAINING;
        listener.onRoundStarted(round);
        long r = round;
        compute.train(r, x, outcome -> clock.execute(() -> trainingDone(r, outcome)));
    }

    private void trainingDone(long r, LocalCompute.TrainOutcome o) {
        if (phase != Phase.TRAINING || rs == null || r != round) return; // abandoned by a stop or a catch-up
        rs.trainNanos = clock.nanos() - rs.startNanos;
        float[] trained;
        if (o.failure() != null) {
            log.warn(
                    "local training of round {} failed: {}; keeping the model",
                    r,
                    o.failure().toString());
            listener.onTrainingFailed(r, o.failure());
            // fedp2p design: a failed local step (divergence) contributes a zero update, so the round goes on in step
            trained = x.clone();
            rs.notes.add("training failed: " + o.failure().getMessage());
        } else {
            if (o.theta().length != x.length)
                throw new IllegalStateException("trainer returned a vector of wrong size");
            trained = o.theta();
            rs.trainLoss = o.meanLoss();
        }
        rs.theta = mode.floats(trained);
        rs.delta = subtract(rs.theta, mode.floats(x));
        mode.trained(rs, trained);
        // Neighbours RFFL removed are cut at the transport (removeForRounds), so the degree announced for W counts
        // exactly the neighbours this node exchanges with, and both ends of a link compute the same W[i][j].
        for (PeerId p : transport.neighbours()) {
            PeerKey k = key(p);
            // still removed by RFFL but connected again (the transport ban ran out first): cut it again
            if (state.isBanned(k, round))
                removeForRounds(p, state.neighbours().get(k).bannedUntilRound());
        }
        rs.neighbours = new TreeSet<>(transport.neighbours());
        rs.degree = rs.neighbours.size();
        rs.exchange.addAll(rs.neighbours);
        phase = Phase.EXCHANGE;
        listener.beforeSigning(round);
        enterStep(0);
    }

    private void enterStep(int q) {
        rs.step = q;
        rs.sent = false;
        rs.inbox = new TreeMap<>();
        rs.stepStartNanos = clock.nanos();
        rs.expected = new TreeSet<>();
        SortedSet<PeerId> current = transport.neighbours();
        for (PeerId p : rs.exchange) {
            if (current.contains(p) && (q == 0 || rs.context.isActive(key(p)))) rs.expected.add(p);
        }
        early.take(round, q).forEach(this::collect);
        Duration timeout = q == 0 ? config.exchangeTimeout() : config.stepTimeout();
        if (q == 0 && relabelIfBehind()) return;
        long r = round;
        rs.deadline = clock.schedule(timeout, () -> deadline(r, q));
        if (byzantine == null) {
            outbox.send(rs, q, x);
        } else {
            rs.rush = clock.schedule((long) (timeout.toNanos() * byzantine.rushFraction()), () -> rushed(r, q));
        }
        maybeComplete();
    }

    private void deadline(long r, int q) {
        if (rs == null || phase != Phase.EXCHANGE || r != round || q != rs.step) return;
        completeStep();
    }

    private void rushed(long r, int q) {
        if (rs == null || phase != Phase.EXCHANGE || r != round || q != rs.step || rs.sent) return;
        outbox.send(rs, q, x);
        maybeComplete();
    }

    private void collect(PeerId from, ModelMessage m) {
        if (!rs.exchange.contains(from)) return;
        rs.degrees.put(from, m.degree());
        if (rs.expected.contains(from)) rs.inbox.putIfAbsent(from, m);
    }

    private void maybeComplete() {
        if (rs == null || phase != Phase.EXCHANGE || !rs.allArrived()) return;
        if (!rs.sent) outbox.send(rs, rs.step, x); // a rushing attacker has heard everyone: it sends now
        completeStep();
    }

    // --- mixing --------------------------------------------------------------------------------------------------

    private void completeStep() {
        rs.cancelTimers();
        if (!rs.sent) outbox.send(rs, rs.step, x);
        int q = rs.step;
        SortedMap<PeerId, String> invalid = mode.screen(rs);
        List<Candidate> candidates = book.candidates(rs, q);
        MixOutcome o;
        long mixStart = clock.nanos();
        Evaluators ev = mode.evaluators(rs, evaluators.evaluators(round, q));
        if (q == 0) {
            o = defence.stepZero(new RoundInput(round, rs.theta, rs.delta, candidates), state, ev, rng);
        } else {
            o = defence.step(rs.context, new StepInput(q, rs.z, candidates), ev, rng);
        }
        rs.context = o.context();
        rs.z = o.mixed();
        BiConsumer<PeerId, String> penalise = (p, detail) -> transport.penalise(p, FaultKind.BAD_PAYLOAD, detail);
        book.record(rs, q, o, penalise);
        book.recordInvalid(rs, q, invalid, penalise);
        mode.mixed(rs, o, book);
        rs.mixNanos += clock.nanos() - mixStart;
        if (q == config.gossipSteps() - 1) book.keepLastStep(rs);
        if (q + 1 < config.gossipSteps()) enterStep(q + 1);
        else finishRound();
    }

    private void finishRound() {
        RobustnessState before = state;
        state = defence.endRound(rs.context, rs.lastStep);
        long roundNanos = clock.nanos() - rs.startNanos;
        meanRoundNanos = meanRoundNanos == 0 ? roundNanos : (4 * meanRoundNanos + roundNanos) / 5;
        for (PeerKey k : state.removedSince(before)) {
            PeerId p = book.peer(k);
            if (p != null) removeForRounds(p, state.neighbours().get(k).bannedUntilRound());
        }
        x = mode.next(rs);
        TrafficStats t = transport.traffic();
        RoundResult result = new RoundResult(
                round,
                x.clone(),
                state,
                rs.degree,
                new ArrayList<>(rs.outcomes.values()),
                rs.deficits.clone(),
                rs.trainLoss,
                rs.trainNanos,
                rs.mixNanos,
                roundNanos,
                t.bytesOut() - rs.bytesSentAtStart,
                t.bytesIn() - rs.bytesReceivedAtStart,
                rs.notes);
        rs = null;
        phase = Phase.IDLE;
        round++;
        listener.onRoundCompleted(result);
        beginRound();
    }

    // --- transport events ----------------------------------------------------------------------------------------

    private void received(PeerId from, ModelMessage m) {
        catchUp.seen(from, m.round());
        if (phase == Phase.STOPPED) return;
        if (phase == Phase.EXCHANGE && m.round() == round && m.step() == rs.step) {
            collect(from, m);
            maybeComplete();
            return;
        }
        boolean later = m.round() > round || (m.round() == round && (phase != Phase.EXCHANGE || m.step() > rs.step));
        if (later && m.round() <= round + config.bufferRounds()) {
            if (!early.add(from, m)) log.debug("early-message buffer of {} full; dropped", from);
        }
        if (phase == Phase.EXCHANGE && rs.step == 0 && relabelIfBehind()) return;
        maybeJump();
    }

    /**
     * fedp2p design: at step 0 of round t, when more than half of the expected neighbours have sent step 0 of round
     * t + 1 and nothing for round t, they gave up waiting for this node (a restart, a slow round). The node then
     * relabels its freshly trained θ as its round t + 1 contribution (a new slot, so no equivocation) instead of
     * waiting for the timeout and falling behind again.
     */
    private boolean relabelIfBehind() {
        if (rs.expected.isEmpty()) return false;
        var next = early.peek(round + 1, 0);
        int ahead = 0;
        for (PeerId p : rs.expected) if (next.containsKey(p) && !rs.inbox.containsKey(p)) ahead++;
        if (2 * ahead <= rs.expected.size()) return false;
        log.info("neighbours are in round {}: contributing this round's training to it", round + 1);
        listener.onCatchUp(round, round + 1);
        rs.cancelTimers();
        RoundState old = rs;
        round++;
        rs = new RoundState(
                round, old.startNanos, old.bytesSentAtStart, old.bytesReceivedAtStart, config.gossipSteps());
        rs.trainNanos = old.trainNanos;
        rs.mixNanos = old.mixNanos;
        rs.trainLoss = old.trainLoss;
        rs.theta = old.theta;
        rs.delta = old.delta;
        rs.ranking = old.ranking;
        rs.neighbours = old.neighbours;
        rs.degree = old.degree;
        rs.exchange = old.exchange;
        rs.outcomes.putAll(old.outcomes);
        rs.notes.add("relabelled from round " + (round - 1));
        listener.beforeSigning(round);
        enterStep(0);
        return true;
    }

    /**
     * ALGORITHMS.md §4.6.4: an RFFL removal means no longer mixing with the peer and no longer sending to it until
     * its ban ends; it is also reported to the peer scorer. fedp2p design: the node bans the peer at the transport for
     * the ban's rounds at the recent mean round time, which closes the connection, so that both ends count one
     * neighbour less in their degrees and neither waits for the other at every step (as it would if only this end
     * stopped sending).
     */
    private void removeForRounds(PeerId p, long untilRound) {
        long rounds = Math.max(1, untilRound - round);
        long perRound = Math.max(1, meanRoundNanos);
        long nanos = rounds > Long.MAX_VALUE / 4 / perRound ? Long.MAX_VALUE / 4 : rounds * perRound;
        nanos = Math.max(1_000_000_000L, nanos);
        transport.ban(
                p,
                "removed by RFFL reputation in round " + round + " until round " + untilRound,
                Duration.ofNanos(nanos));
    }

    /** Leaves the current round when a majority of neighbours is two or more rounds ahead. */
    private void maybeJump() {
        if (phase != Phase.TRAINING && phase != Phase.EXCHANGE) return;
        if (catchUp.majorityRound(transport.neighbours()) < round + 2) return;
        log.info("abandoning round {}: most neighbours are at least two rounds ahead", round);
        rs.cancelTimers();
        rs = null;
        phase = Phase.IDLE;
        beginRound();
    }

    private void neighbourDown(PeerId p) {
        early.forget(p);
        catchUp.forget(p);
        listener.onNeighbour(p, false);
        if (rs != null && phase == Phase.EXCHANGE && rs.expected.remove(p)) maybeComplete();
    }

    private PeerKey key(PeerId p) {
        return book.key(p);
    }

    static float[] subtract(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] - b[i];
        return out;
    }

    private final class Events implements TransportListener {
        @Override
        public void onMessage(PeerId from, ModelMessage message) {
            received(from, message);
        }

        @Override
        public void onNeighbourUp(PeerId peer) {
            listener.onNeighbour(peer, true);
            if (waitingForNeighbours && phase == Phase.IDLE) beginRound();
        }

        @Override
        public void onNeighbourDown(PeerId peer) {
            neighbourDown(peer);
        }

        @Override
        public void onEquivocation(EquivocationProof proof) {
            listener.onEquivocation(proof);
        }

        @Override
        public void onFault(PeerId peer, FaultKind kind, String detail) {
            listener.onFault(peer, kind, detail);
        }
    }
}
