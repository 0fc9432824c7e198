package io.fedp2p.node.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.FortuneCorpus;
import io.fedp2p.node.data.FortuneTopics;
import io.fedp2p.node.encoder.EncoderModel;
import io.fedp2p.node.encoder.EncoderTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmarks of BENCHMARKS.md ("fortunes-topic on all-MiniLM-L6-v2"); run with {@code node/bench/topic.sh}.
 *
 * <ul>
 *   <li>{@code speed THREADS}: the forward comparison below,
 *       FFA-LoRA (q, v, r = 8) training-step time with L = 0 and L = 4 frozen layers (batch 16, max length 128), and
 *       the heap and RSS of 8 more in-process nodes;
 *   <li>{@code forward THREADS}: only the DJL / ONNX Runtime forward comparison ({@link ForwardBench}), on the
 *       16 × 128 batch and on 16 random test entries padded to the longest of them;
 *   <li>{@code step THREADS PER_CATEGORY}: only the L = 4 training step, on the first {@code PER_CATEGORY} entries
 *       of every category (a cache that builds in seconds);
 *   <li>{@code accuracy THREADS L MAXLEN EPOCHS [ADAPTERS]}: centralized test accuracy (SGD, lr 0.03, momentum 0.9,
 *       clip 1, batch 16) of {@code head} (the linear
 *       probe), {@code ffa-lora}, {@code lora} and {@code fed-sb} with the same settings, one after the other;
 *   <li>{@code sweep THREADS L MAXLEN CONFIG...}: {@link TopicSweep}, several configurations in one JVM (one cache).
 * </ul>
 *
 * Prints one JSON object on stdout; timings are wall clock around repetitions.
 */
public final class TopicBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicBench() {}

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[1]);
        EngineSetup.configure(threads, 0);
        FortuneTopics data = args[0].equals("step") ? null : FortuneTopics.load(FortuneCorpus.DEFAULT_DIR);
        ObjectNode out = JSON.createObjectNode();
        out.put("threads", threads);
        switch (args[0]) {
            case "speed" -> speed(data, threads, out);
            case "forward" -> ForwardBench.run(data, threads, out);
            case "step" -> trainingStep(subset(Integer.parseInt(args[2])), 4, 20, out, false);
            case "sweep" -> TopicSweep.run(data, args, out);
            default -> accuracy(data, args, out);
        }
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }

    private static void accuracy(FortuneTopics data, String[] args, ObjectNode out) {
        int frozen = Integer.parseInt(args[2]);
        int maxLen = Integer.parseInt(args[3]);
        int epochs = Integer.parseInt(args[4]);
        String kinds = args.length > 5 ? args[5] : "head,ffa-lora,lora,fed-sb";
        out.put("frozenLayers", frozen);
        out.put("maxLength", maxLen);
        out.put("epochs", epochs);
        TrainSettings s = new TrainSettings(0.03f, 1f, 1, 16, 0f, 0.9f, 1f, true);
        for (String k : kinds.split(",")) {
            AdapterKind kind = AdapterKind.parse(k);
            AdapterSpec spec = TopicTasks.adapterSpec(
                    EncoderModel.MINILM, kind, 8, 16f, EncoderTargets.DEFAULT_ROLES, 0.5f, frozen);
            TopicTaskConfig c = TopicTaskConfig.centralized(EncoderModel.MINILM, 0)
                    .withFrozenLayers(frozen)
                    .withMaxLength(maxLen);
            TopicTraining.Result r = TopicTraining.run(data, spec, c, epochs, s, ProgressListener.NONE, (d, t, m) -> {
                if (d % 50 == 0) System.err.println(k + " " + d + "/" + t + " " + m);
            });
            ObjectNode o = out.putObject(k);
            o.put("testAccuracy", r.test().accuracy());
            o.put("trainableParams", r.trainableParams());
            o.put("adapterFraction", (double) r.trainableParams() / r.modelParams());
            o.put("stepSeconds", r.stepSeconds());
            o.put("epochSeconds", r.epochSeconds());
            o.put("cacheSeconds", r.cacheSeconds());
            System.err.println(k + ": " + o);
        }
    }

    private static void speed(FortuneTopics data, int threads, ObjectNode out) throws Exception {
        ForwardBench.run(data, threads, out);
        trainingStep(data, 0, 10, out, false);
        trainingStep(data, 4, 20, out, true);
    }

    /**
     * FFA-LoRA (q, v, r = 8) step time, batch 16, max length 128, with L frozen layers: median and mean of single
     * steps after two warm-up steps; optionally the memory of more nodes.
     */
    private static void trainingStep(FortuneTopics data, int frozen, int steps, ObjectNode out, boolean memory)
            throws Exception {
        AdapterSpec spec = TopicTasks.adapterSpec(
                EncoderModel.MINILM, AdapterKind.FFA_LORA, 8, 16f, EncoderTargets.DEFAULT_ROLES, 0.5f, frozen);
        TopicTaskConfig c = TopicTaskConfig.of(EncoderModel.MINILM, 8, new io.fedp2p.node.data.PartitionSpec.Iid(), 0)
                .withFrozenLayers(frozen);
        long t0 = System.nanoTime();
        try (TopicTask task = TopicTask.create(data, spec, c, ProgressListener.NONE)) {
            ObjectNode o = out.putObject("L" + frozen);
            o.put("cacheSeconds", (System.nanoTime() - t0) / 1e9);
            o.put("cacheBytes", task.cacheBytes());
            try (LocalTrainer tr = task.trainer(0, new SeedTree(0).rng("node", 0), y -> y)) {
                RoundPlan plan = RoundPlan.sgd(0, 2, 16, 0.03f);
                float[] theta = tr.train(task.initialVector(), plan).vector();
                double[] ms = new double[steps];
                for (int i = 0; i < steps; i++) {
                    long s = System.nanoTime();
                    theta = tr.train(theta, plan.withLocalSteps(1)).vector();
                    ms[i] = (System.nanoTime() - s) / 1e6;
                }
                o.put("stepMs", java.util.Arrays.stream(ms).average().orElseThrow());
                java.util.Arrays.sort(ms);
                o.put("stepMedianMs", ms[steps / 2]);
            }
            if (memory) memory(task, o);
        }
    }

    /**
     * The first {@code perCategory} entries of every category file (so the L = 4 cache builds in seconds): the
     * step time depends on the batch shape, not on the data set's size.
     */
    private static FortuneTopics subset(int perCategory) throws Exception {
        Path dir = Files.createTempDirectory("fortunes-subset");
        for (String c : FortuneTopics.CATEGORIES) {
            List<String> e = FortuneTopics.entries(Files.readAllBytes(FortuneCorpus.DEFAULT_DIR.resolve(c)));
            Files.writeString(dir.resolve(c), String.join("\n%\n", e.subList(0, Math.min(perCategory, e.size()))));
            dir.resolve(c).toFile().deleteOnExit();
        }
        dir.toFile().deleteOnExit();
        return FortuneTopics.load(dir);
    }

    /** Heap (after GC) and RSS growth from 8 more nodes of the task, each after one training step. */
    private static void memory(TopicTask task, ObjectNode o) throws Exception {
        long heap0 = heapAfterGc();
        long rss0 = rss();
        List<LocalTrainer> more = new ArrayList<>();
        for (int i = 1; i < 8; i++) {
            LocalTrainer t = task.trainer(i, new SeedTree(0).rng("node", i), y -> y);
            t.train(task.initialVector(), RoundPlan.sgd(0, 1, 16, 0.03f));
            more.add(t);
        }
        o.put("heapBytesPerExtraNode", (heapAfterGc() - heap0) / more.size());
        o.put("rssBytesPerExtraNode", (rss() - rss0) / more.size());
        o.put("dimension", task.dimension());
        more.forEach(LocalTrainer::close);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
        return -1;
    }
}
