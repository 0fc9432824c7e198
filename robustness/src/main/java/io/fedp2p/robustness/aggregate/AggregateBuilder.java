package io.fedp2p.robustness.aggregate;

import io.fedp2p.robustness.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Assembles an {@link Aggregate}: every vector starts accepted with NaN weight and blank detail. */
final class AggregateBuilder {
    private final Verdict[] verdicts;
    private final double[] scores;
    private final double[] weights;
    private final String[] details;
    private final List<String> notes = new ArrayList<>();
    private String scoreName = "";

    AggregateBuilder(int m) {
        verdicts = new Verdict[m];
        Arrays.fill(verdicts, Verdict.ACCEPTED);
        scores = new double[m];
        Arrays.fill(scores, Double.NaN);
        weights = new double[m];
        Arrays.fill(weights, Double.NaN);
        details = new String[m];
        Arrays.fill(details, "");
    }

    AggregateBuilder reject(int k, Verdict v, String detail) {
        verdicts[k] = v;
        details[k] = detail;
        return this;
    }

    AggregateBuilder accept(int k, String detail) {
        verdicts[k] = Verdict.ACCEPTED;
        details[k] = detail;
        return this;
    }

    AggregateBuilder detail(int k, String detail) {
        details[k] = detail;
        return this;
    }

    AggregateBuilder scores(String name, double[] values) {
        scoreName = name;
        System.arraycopy(values, 0, scores, 0, scores.length);
        return this;
    }

    AggregateBuilder weights(double[] values) {
        System.arraycopy(values, 0, weights, 0, weights.length);
        return this;
    }

    AggregateBuilder note(String note) {
        notes.add(note);
        return this;
    }

    Aggregate build(float[] vector) {
        return new Aggregate(vector, verdicts, scores, scoreName, weights, details, notes);
    }
}
