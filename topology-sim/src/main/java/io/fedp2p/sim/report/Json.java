package io.fedp2p.sim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON helpers of the reports: one mapper, and numbers that are null when not finite (JSON has no NaN). */
public final class Json {
    /** Compact output, keys in insertion order. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** Two-space indented output for files people read. */
    public static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Puts {@code v}, or null when it is NaN or infinite. */
    public static void putFinite(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }

    /** {@code {"mean", "min", "max"}}, or null. */
    public static void putStats(ObjectNode o, String key, RoundRecord.Stats s) {
        if (s == null) {
            o.putNull(key);
            return;
        }
        ObjectNode n = o.putObject(key);
        putFinite(n, "mean", s.mean());
        putFinite(n, "min", s.min());
        putFinite(n, "max", s.max());
    }

    /** One {@code metrics.jsonl} object. */
    public static ObjectNode round(RoundRecord r, int nodes) {
        ObjectNode o = object();
        o.put("round", r.round());
        o.put("virtualSeconds", r.virtualSeconds());
        o.put("completed", r.completed());
        o.put("alive", r.alive());
        putStats(o, "honestAccuracy", r.accuracy());
        putFinite(o, "testLoss", r.testLoss());
        putFinite(o, "loss", r.trainLoss());
        putFinite(o, "consensusDistance", r.consensusDistance());
        o.put("bytesSent", r.bytesSent());
        o.put("bytesSentPerNode", (double) r.bytesSent() / nodes);
        o.put("accepted", r.accepted());
        o.put("rejectedTotal", r.rejectedTotal());
        ObjectNode rej = o.putObject("rejected");
        r.rejected().forEach(rej::put);
        putFinite(o, "mixingDeficit", r.mixingDeficit());
        return o;
    }
}
