package io.fedp2p.examples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One peer's round, from its {@code metrics.jsonl} line (CLI.md fields).
 *
 * @param round t
 * @param accuracy test accuracy of x_{t+1}
 * @param acceptedFrom peer ids whose step-0 message it accepted
 * @param rejectedFrom peer ids it rejected, with the reasons
 * @param bytesSent bytes it sent during the round (all protocols, after encryption and framing)
 * @param roundSeconds wall time of the round
 */
public record PeerRound(
        long round,
        double accuracy,
        List<String> acceptedFrom,
        List<String[]> rejectedFrom,
        long bytesSent,
        double roundSeconds) {
    static PeerRound of(JsonNode n) {
        List<String> acc = new ArrayList<>();
        for (JsonNode a : n.path("accepted")) acc.add(a.path("peerId").asText());
        List<String[]> rej = new ArrayList<>();
        for (JsonNode r : n.path("rejected"))
            rej.add(new String[] {r.path("peerId").asText(), r.path("reason").asText()});
        return new PeerRound(
                n.path("round").asLong(),
                n.path("testAccuracy").asDouble(),
                acc,
                rej,
                n.path("bytesSent").asLong(),
                n.path("roundSeconds").asDouble());
    }
}
