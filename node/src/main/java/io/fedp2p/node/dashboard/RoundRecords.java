package io.fedp2p.node.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a {@code metrics.jsonl} record into a {@link RoundPoint}. Accepts a node's record (CLI.md: {@code round},
 * {@code testAccuracy}, {@code loss}, {@code accepted}/{@code rejected} lists, {@code bytesSent}, {@code
 * bytesReceived}, {@code roundSeconds}) and a simulation's per-round record, whose honest accuracy and loss are
 * {@code {"min", "mean", "max"}} objects or numbers ({@code honestAccuracy} or {@code testAccuracy}; the test loss
 * as {@code honestLoss}, {@code testLoss} or {@code loss}, in that order, since a simulation's {@code loss} is the
 * training loss), and whose rejections may be a {@code {reason: count}} map or {@code rejectedTotal}.
 */
public final class RoundRecords {
    private RoundRecords() {}

    /**
     * @throws IllegalArgumentException when the record has no non-negative integral {@code round}
     */
    public static RoundPoint fromJson(JsonNode r) {
        JsonNode round = r.path("round");
        if (!round.isIntegralNumber() || round.asLong() < 0)
            throw new IllegalArgumentException("a round record needs a non-negative integer 'round'");
        Stats acc = stats(r.has("honestAccuracy") ? r.get("honestAccuracy") : r.path("testAccuracy"));
        Stats loss = stats(
                r.has("honestLoss") ? r.get("honestLoss") : r.has("testLoss") ? r.get("testLoss") : r.path("loss"));
        long bytes = Math.max(0, r.path("bytesSent").asLong(0))
                + Math.max(0, r.path("bytesReceived").asLong(0));
        return new RoundPoint(
                round.asLong(),
                acc,
                loss,
                bytes,
                r.path("roundSeconds").asDouble(0),
                count(r.path("accepted")),
                r.has("rejectedTotal") ? Math.max(0, r.path("rejectedTotal").asLong()) : count(r.path("rejected")));
    }

    private static Stats stats(JsonNode n) {
        if (n.isNumber()) return Stats.of(n.asDouble());
        if (!n.isObject() || !n.path("mean").isNumber()) return null;
        double mean = n.get("mean").asDouble();
        double min = n.path("min").asDouble(mean);
        double max = n.path("max").asDouble(mean);
        if (!Double.isFinite(min) || !Double.isFinite(mean) || !Double.isFinite(max) || min > mean || mean > max)
            return null;
        return new Stats(min, mean, max, Math.max(1, n.path("count").asInt(1)));
    }

    /** A list's length, a {reason: count} map's total, or a number. */
    private static long count(JsonNode n) {
        if (n.isArray()) return n.size();
        if (n.isObject()) {
            long sum = 0;
            for (JsonNode v : n) sum += Math.max(0, v.asLong(0));
            return sum;
        }
        return Math.max(0, n.asLong(0));
    }
}
