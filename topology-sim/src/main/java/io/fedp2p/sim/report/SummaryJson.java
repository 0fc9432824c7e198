package io.fedp2p.sim.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.engine.ExchangeSetting;
import io.fedp2p.sim.core.SimulationResult;
import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.scenario.Twin;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.json} (CLI.md): what a run concluded, and nothing that varies between runs of the same scenario and
 * seed, so that it is byte-identical across them. Fields in a fixed order: {@code seed}, {@code nodes}, {@code
 * byzantine}, {@code rounds}, {@code attack}, {@code defence}, {@code honestAccuracy} {mean, min, max} of the last
 * evaluated round, the twins' {@code noAttackAccuracy} / {@code noDefenceAccuracy} when asked for, {@code
 * bytesSentPerNodePerRound}, {@code virtualSeconds}, then details.
 */
public final class SummaryJson {
    private SummaryJson() {}

    public static ObjectNode build(SimulationResult main, Map<Twin, SimulationResult> twins) {
        Scenario s = main.start().scenario();
        ObjectNode o = Json.object();
        o.put("name", s.name());
        o.put("seed", s.seed());
        o.put("nodes", s.nodes());
        o.put("byzantine", s.adversary().byzantine());
        o.put("rounds", s.rounds());
        o.put("attack", s.adversary().attackText());
        o.put("defence", s.defenceText());
        RoundRecord last = main.lastEvaluated();
        Json.putStats(o, "honestAccuracy", last == null ? null : last.accuracy());
        for (Twin t : s.twins()) {
            SimulationResult r = twins.get(t);
            RoundRecord tl = r == null ? null : r.lastEvaluated();
            if (tl == null) o.putNull(t.summaryField());
            else Json.putFinite(o, t.summaryField(), tl.accuracy().mean());
        }
        int closed = main.rounds().size();
        Json.putFinite(
                o,
                "bytesSentPerNodePerRound",
                closed == 0 ? Double.NaN : (double) main.bytesSent() / s.nodes() / closed);
        o.put("virtualSeconds", main.virtualSeconds());
        details(o, main);
        return o;
    }

    private static void details(ObjectNode o, SimulationResult main) {
        Scenario s = main.start().scenario();
        o.put("task", s.task().name());
        if (!s.task().isVector()) {
            o.put("adapter", s.task().adapter());
            // only when not float, so summaries of float runs stay byte-identical to earlier ones
            if (s.task().exchangeMode() != ExchangeSetting.FLOAT)
                o.put("exchangeMode", s.task().exchangeMode().id());
            o.put("backboneSha256", main.start().backboneHash());
        }
        if (s.task().isTopic()) {
            o.put("model", s.task().topic().model());
            o.put("frozenLayers", s.task().topic().frozenLayers());
            o.put("maxLength", s.task().topic().maxLength());
        }
        o.put("topology", s.topology().format());
        o.put("spectralGap", main.start().spectralGap().gap());
        o.put("placement", s.adversary().placement().format());
        o.put("gossipSteps", s.learning().gossipSteps());
        o.put("rho", s.learning().rho());
        o.put("partition", s.task().partition().toString());
        o.put("dimension", main.start().dimension());
        o.put("roundsClosed", main.rounds().size());
        List<RoundRecord> rounds = main.rounds();
        RoundRecord lastRound = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
        Json.putFinite(o, "consensusDistance", lastRound == null ? Double.NaN : lastRound.consensusDistance());
        Json.putFinite(o, "mixingDeficit", lastRound == null ? Double.NaN : lastRound.mixingDeficit());
        if (!Double.isNaN(s.targetAccuracy())) {
            o.put("targetAccuracy", s.targetAccuracy());
            Integer reached = roundsToReach(rounds, s.targetAccuracy());
            if (reached == null) o.putNull("roundsToTarget");
            else o.put("roundsToTarget", reached);
        }
        main.start().byzantine().forEach(o.putArray("byzantineNodes")::add);
        SimulationResult.Work w = main.work();
        o.put("bytesSent", main.bytesSent());
        o.put("messagesLost", w.messagesLost());
        o.put("trainingFailures", w.trainingFailures());
        o.put("equivocationsDetected", w.equivocations());
        o.put("lateResults", w.lateResults());
        o.put("events", w.events());
    }

    /** The number of rounds after which the honest mean accuracy first reached {@code target}, or null. */
    public static Integer roundsToReach(List<RoundRecord> rounds, double target) {
        for (RoundRecord r : rounds) {
            if (r.accuracy() != null && r.accuracy().mean() >= target) return (int) r.round() + 1;
        }
        return null;
    }
}
