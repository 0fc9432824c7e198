package io.fedp2p.robustness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.robustness.defence.DefenceSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fedp2p aggregate --rule NAME [--f F] [--param k=v ...] [--own INDEX] < in.json} (CLI.md): applies one rule to
 * the vectors of a JSON document and prints {@code {"aggregate": [...], "accepted": [...], "scores": [...], ...}}.
 * Bad input (malformed JSON, ragged vectors, NaN, unknown rule or key, a rule's size bound) exits with code 2 and a
 * message.
 */
@Command(
        name = "aggregate",
        mixinStandardHelpOptions = true,
        description = {
            "Apply one robustness rule or filter to vectors given as JSON on stdin:",
            "  {\"vectors\": [[...], ...], \"weights\": [...], \"deltas\": [[...]], \"f1\": [[...]],"
                    + " \"familiarClasses\": [...], \"losses\": [...]}",
            "(only 'vectors' is required). Prints one JSON object: aggregate, accepted (indices), scores"
                    + " (null where a rule has none), scoreName, rejected ({index, reason, detail}), notes.",
            "Rules: mean, median, trimmed-mean, krum, multi-krum, multi-krum-iterative, geometric-median,"
                    + " centered-clipping, clipped-gossip, balance, mozi, bristle, frl, rffl, pipeline.",
            "Rules that need the node's own vector (clipped-gossip, balance, mozi, bristle, frl, rffl, pipeline)"
                    + " use --own, vector 0 when it is not given. Bristle's integrator needs 'f1' and"
                    + " 'familiarClasses', Mozi's stage 2 needs 'losses': without them those stages are skipped"
                    + " and a note says so."
        })
public final class AggregateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rule", required = true, paramLabel = "NAME", description = "the rule (see above)")
    String rule;

    @Option(names = "--f", paramLabel = "F", description = "assumed number of Byzantine vectors (rules with f)")
    Integer f;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "a rule parameter; repeatable")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--own", paramLabel = "INDEX", description = "index of the node's own vector")
    Integer own;

    @Option(names = "--input", paramLabel = "FILE", description = "read the JSON from FILE instead of stdin")
    Path input;

    @Option(names = "--round", paramLabel = "T", defaultValue = "0", description = "round t (BALANCE's decay)")
    long round;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seed of Bristle's sampling")
    long seed;

    @Option(names = "--json", description = "JSON output (the output is always one JSON object)")
    boolean json;

    @Override
    public Integer call() {
        List<String> notes = new ArrayList<>();
        DefenceSpec defence;
        AggregateInput in;
        AggregateRunner.Output out;
        try {
            defence = DefenceSpec.parse(rule, withF(notes));
            in = AggregateInput.parse(read());
            out = AggregateRunner.run(defence, in, own, round, seed, notes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        spec.commandLine().getOut().println(render(defence.name(), out));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private Map<String, String> withF(List<String> notes) {
        Map<String, String> p = new LinkedHashMap<>(params);
        if (f == null) return p;
        if (f < 0) throw new IllegalArgumentException("--f must be >= 0, got " + f);
        if (DefenceSpec.keys(rule).contains("f")) {
            if (p.containsKey("f"))
                throw new IllegalArgumentException("give f either as --f or as --param f=..., not both");
            p.put("f", Integer.toString(f));
        } else {
            notes.add("--f is not used by " + rule);
        }
        return p;
    }

    private String read() {
        try {
            if (input != null) return Files.readString(input, StandardCharsets.UTF_8);
            InputStream stdin = System.in;
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            if (input != null) throw new IllegalArgumentException("cannot read " + input + ": " + e.getMessage());
            throw new UncheckedIOException(e);
        }
    }

    static String render(String rule, AggregateRunner.Output out) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode agg = root.putArray("aggregate");
        for (float x : out.aggregate()) agg.add(x);
        ArrayNode acc = root.putArray("accepted");
        for (int k : out.accepted()) acc.add(k);
        ArrayNode scores = root.putArray("scores");
        for (double s : out.scores()) {
            if (Double.isFinite(s)) scores.add(s);
            else scores.addNull();
        }
        root.put("scoreName", out.scoreName());
        root.put("rule", rule);
        ArrayNode rej = root.putArray("rejected");
        for (AggregateRunner.Rejection r : out.rejected()) {
            rej.addObject()
                    .put("index", r.index())
                    .put("reason", r.reason().name())
                    .put("detail", r.detail());
        }
        ArrayNode notes = root.putArray("notes");
        out.notes().forEach(notes::add);
        return root.toString();
    }
}
