package io.fedp2p.node.train;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.FortuneTopics;
import io.fedp2p.node.encoder.EncoderModel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code node/bench/topic.sh sweep THREADS L MAXLEN CONFIG...}: centralized runs of several configurations in one
 * JVM, so they share the frozen-layer cache. A CONFIG is {@code kind[,key=value...]} with keys {@code alpha} (16),
 * {@code rank} (8), {@code lr} (0.03), {@code epochs} (3), {@code clip} (1), {@code momentum} (0.9), {@code decay}
 * (1, the learning-rate factor per epoch), {@code batch} (16) and {@code targets} ({@code q+v}). After every epoch it prints the accuracy on the validation pool (the 5% of
 * the corpus no node trains on, for choosing a configuration) and on the test set.
 */
final class TopicSweep {
    private TopicSweep() {}

    static void run(FortuneTopics data, String[] args, ObjectNode out) {
        int frozen = Integer.parseInt(args[2]);
        int maxLen = Integer.parseInt(args[3]);
        out.put("frozenLayers", frozen);
        out.put("maxLength", maxLen);
        ArrayNode rows = out.putArray("runs");
        for (String config : Arrays.asList(args).subList(4, args.length)) {
            ObjectNode o = rows.addObject();
            o.put("config", config);
            one(data, frozen, maxLen, config, o);
            System.err.println("RESULT " + o);
        }
    }

    private static void one(FortuneTopics data, int frozen, int maxLen, String config, ObjectNode o) {
        String[] parts = config.split(",");
        Map<String, String> kv = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] p = parts[i].split("=", 2);
            kv.put(p[0], p[1]);
        }
        AdapterKind kind = AdapterKind.parse(parts[0]);
        float alpha = Float.parseFloat(kv.getOrDefault("alpha", "16"));
        int rank = Integer.parseInt(kv.getOrDefault("rank", "8"));
        int epochs = Integer.parseInt(kv.getOrDefault("epochs", "3"));
        List<String> roles = List.of(kv.getOrDefault("targets", "q+v").split("\\+"));
        TrainSettings s = new TrainSettings(
                Float.parseFloat(kv.getOrDefault("lr", "0.03")),
                Float.parseFloat(kv.getOrDefault("decay", "1")),
                1,
                Integer.parseInt(kv.getOrDefault("batch", "16")),
                0f,
                Float.parseFloat(kv.getOrDefault("momentum", "0.9")),
                Float.parseFloat(kv.getOrDefault("clip", "1")),
                true);
        AdapterSpec spec = TopicTasks.adapterSpec(EncoderModel.MINILM, kind, rank, alpha, roles, 0.5f, frozen);
        TopicTaskConfig c = TopicTaskConfig.centralized(EncoderModel.MINILM, 0)
                .withFrozenLayers(frozen)
                .withMaxLength(maxLen);
        try (TopicTask task = TopicTask.create(data, spec, c, ProgressListener.NONE)) {
            o.put("trainableParams", task.dimension());
            o.put(
                    "adapterFraction",
                    (double) task.dimension() / task.encoderWeights().parameterCount());
            EvalSet val = new EvalSet("validation", EvalSet.Source.TRAIN, task.validationPool);
            float[] theta = task.initialVector();
            int n = task.partition().size(0);
            int perEpoch = (n + s.batchSize() - 1) / s.batchSize();
            ArrayNode curve = o.putArray("epochs");
            long t0 = System.nanoTime();
            try (LocalTrainer tr = task.trainer(0, new SeedTree(0).rng("node", 0), y -> y)) {
                for (int e = 0; e < epochs; e++) {
                    TrainReport r =
                            tr.train(theta, s.plan(e).withLocalSteps(perEpoch).withCarry(e > 0));
                    theta = r.vector();
                    List<Evaluation> ev = List.of(
                            task.evaluateAll(List.of(theta), val).get(0),
                            task.evaluateAll(List.of(theta), task.testSet()).get(0));
                    ObjectNode p = curve.addObject();
                    p.put("trainLoss", r.meanLoss());
                    p.put("validationAccuracy", ev.get(0).accuracy());
                    p.put("testAccuracy", ev.get(1).accuracy());
                    p.put("testLoss", ev.get(1).meanLoss());
                    System.err.println(config + " epoch " + (e + 1) + " " + p);
                }
            } catch (TrainingDivergedException ex) {
                o.put("diverged", ex.getMessage());
            }
            o.put("seconds", (System.nanoTime() - t0) / 1e9);
        }
    }
}
