package io.fedp2p.node.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.FashionMnist;
import io.fedp2p.node.data.PartitionSpec;
import io.fedp2p.node.model.Backbone;
import io.fedp2p.node.model.BackboneFile;
import io.fedp2p.node.train.EngineSetup;
import io.fedp2p.node.train.EvalSet;
import io.fedp2p.node.train.LocalTrainer;
import io.fedp2p.node.train.ProgressListener;
import io.fedp2p.node.train.RoundPlan;
import io.fedp2p.node.train.VisionTask;
import io.fedp2p.node.train.VisionTaskConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The trainer benchmark of BENCHMARKS.md ("node trainer"); run with {@code node/bench/run.sh}. Prints one JSON
 * object: ms per full cnn training step (batch 64), ms per cached FFA-LoRA step (SGD and SAM), ms to evaluate one
 * and many vectors on the 10,000 test images, cache build time, and the heap and RSS cost of 1,000 more in-process
 * nodes of a 1,000-node task.
 *
 * <p>Arguments: {@code BACKBONE_FILE [THREADS]}. Timings are wall clock (System.nanoTime) around many repetitions.
 */
public final class TrainerBench {
    private TrainerBench() {}

    public static void main(String[] args) throws IOException {
        Backbone backbone = BackboneFile.load(Path.of(args[0]));
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        EngineSetup.configure(threads, 0);
        FashionMnist data = FashionMnist.load(FashionMnist.DEFAULT_DIR);
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("threads", threads);
        out.put("fullStepMs", fullStep(backbone, data));
        long t0 = System.nanoTime();
        VisionTaskConfig cfg = VisionTaskConfig.of(1000, new PartitionSpec.Dirichlet(0.5), 0);
        try (VisionTask task = VisionTask.create(
                data, backbone, AdapterSpec.of(AdapterKind.FFA_LORA, List.of("fc1")), cfg, ProgressListener.NONE)) {
            out.put("cacheBuildSeconds", (System.nanoTime() - t0) / 1e9);
            out.put("cacheBytes", task.cacheBytes());
            out.put("dimension", task.dimension());
            try (LocalTrainer one = task.trainer(0, new SeedTree(0).rng("node", 0), y -> y)) {
                float[] theta = task.initialVector();
                out.put("cachedStepMs", perStep(one, theta, 0f));
                out.put("cachedSamStepMs", perStep(one, theta, 0.01f));
                EvalSet test = task.testSet();
                one.evaluate(theta, test);
                double best = Double.MAX_VALUE;
                for (int i = 0; i < 20; i++) {
                    long t1 = System.nanoTime();
                    one.evaluate(theta, test);
                    best = Math.min(best, (System.nanoTime() - t1) / 1e6);
                }
                out.put("evalTestSetMs", best);
                List<float[]> many = new ArrayList<>();
                for (int i = 0; i < 50; i++) many.add(theta);
                long s = System.nanoTime();
                task.evaluateAll(many, test);
                out.put("evalManyPerVectorMs", (System.nanoTime() - s) / 1e6 / many.size());
                EvalSet val = one.localValidation();
                s = System.nanoTime();
                for (int i = 0; i < 200; i++) one.evaluate(theta, val);
                out.put("evalLocalValidationMs", (System.nanoTime() - s) / 1e6 / 200);
            }
            memoryPerNode(task, out);
        }
        System.out.println(out);
    }

    /** Minimum over 5 repetitions of 20 full cnn training steps (batch 64, SGD momentum), ms per step. */
    private static double fullStep(Backbone backbone, FashionMnist data) {
        int[] idx = new int[64 * 20];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        var settings = new io.fedp2p.node.train.TrainSettings(0.05f, 1f, 1, 64, 0f, 0.9f, 0f, true);
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 6; rep++) {
            long s = System.nanoTime();
            io.fedp2p.node.train.FullModelTraining.train(
                    backbone, data.train(), idx, 1, settings, new SeedTree(1).rng("b", 0), ProgressListener.NONE);
            if (rep > 0) best = Math.min(best, (System.nanoTime() - s) / 1e6 / 20);
        }
        return best;
    }

    /** Minimum over 5 repetitions of 100 cached FFA-LoRA steps (batch 64, momentum 0.9), ms per step. */
    private static double perStep(LocalTrainer t, float[] theta, float rho) {
        RoundPlan plan = new RoundPlan(0, 100, 64, 0.05f, rho, 0.9f, 0f, false);
        t.train(theta, plan);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            t.train(theta, plan);
            best = Math.min(best, (System.nanoTime() - s) / 1e6 / 100);
        }
        return best;
    }

    /** Heap (after GC) and RSS before and after creating one trainer per node, each trained for one round. */
    private static void memoryPerNode(VisionTask task, ObjectNode out) throws IOException {
        long heap0 = usedHeapAfterGc();
        long rss0 = rssBytes();
        List<LocalTrainer> trainers = new ArrayList<>();
        List<float[]> states = new ArrayList<>();
        long s = System.nanoTime();
        for (int i = 0; i < task.numNodes(); i++) {
            LocalTrainer t = task.trainer(i, new SeedTree(0).rng("node", i), y -> y);
            trainers.add(t);
            states.add(t.train(task.initialVector(), RoundPlan.sgd(0, 1, 64, 0.05f))
                    .vector());
        }
        double roundSeconds = (System.nanoTime() - s) / 1e9;
        long heap1 = usedHeapAfterGc();
        long rss1 = rssBytes();
        int n = trainers.size();
        out.put("nodes", n);
        out.put("oneStepRoundOfAllNodesSeconds", roundSeconds);
        out.put("heapBytesPerNode", (heap1 - heap0) / n);
        out.put("rssBytesPerNode", (rss1 - rss0) / n);
        out.put("vectorBytes", 4L * task.dimension());
        for (LocalTrainer t : trainers) t.close();
        out.put("statesKept", states.size());
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
        return -1;
    }
}
