package io.fedp2p.node.train;

import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.SeedTree;
import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.AdapterSpec;
import io.fedp2p.node.data.FortuneCorpus;
import io.fedp2p.node.data.FortuneTopics;
import io.fedp2p.node.encoder.BertEncoder;
import io.fedp2p.node.encoder.EncoderModel;
import io.fedp2p.node.encoder.EncoderTargets;
import io.fedp2p.node.encoder.SentenceTokenizer;
import io.fedp2p.node.encoder.TokenBatch;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks of BENCHMARKS.md ("fortunes-topic on all-MiniLM-L6-v2"); run with {@code node/bench/topic.sh}.
 *
 * <ul>
 *   <li>{@code speed THREADS}: forward time of the DJL encoder and of ONNX Runtime on the same 16 × 128 batch,
 *       FFA-LoRA (q, v, r = 8) training-step time with L = 0 and L = 4 frozen layers (batch 16, max length 128), and
 *       the heap and RSS of 8 more in-process nodes;
 *   <li>{@code forward THREADS}: only the DJL / ONNX Runtime forward comparison;
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
        FortuneTopics data = FortuneTopics.load(FortuneCorpus.DEFAULT_DIR);
        ObjectNode out = JSON.createObjectNode();
        out.put("threads", threads);
        if (args[0].equals("speed")) speed(data, threads, out);
        else if (args[0].equals("forward")) forward(data, threads, out);
        else if (args[0].equals("sweep")) TopicSweep.run(data, args, out);
        else accuracy(data, args, out);
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
        forward(data, threads, out);
        for (int frozen : new int[] {0, 4}) {
            AdapterSpec spec = TopicTasks.adapterSpec(
                    EncoderModel.MINILM, AdapterKind.FFA_LORA, 8, 16f, EncoderTargets.DEFAULT_ROLES, 0.5f, frozen);
            TopicTaskConfig c = TopicTaskConfig.of(
                            EncoderModel.MINILM, 8, new io.fedp2p.node.data.PartitionSpec.Iid(), 0)
                    .withFrozenLayers(frozen);
            long t0 = System.nanoTime();
            try (TopicTask task = TopicTask.create(data, spec, c, ProgressListener.NONE)) {
                ObjectNode o = out.putObject("L" + frozen);
                o.put("cacheSeconds", (System.nanoTime() - t0) / 1e9);
                o.put("cacheBytes", task.cacheBytes());
                try (LocalTrainer tr = task.trainer(0, new SeedTree(0).rng("node", 0), y -> y)) {
                    float[] theta = task.initialVector();
                    RoundPlan plan = RoundPlan.sgd(0, 2, 16, 0.03f);
                    theta = tr.train(theta, plan).vector();
                    int steps = frozen == 0 ? 10 : 20;
                    long s = System.nanoTime();
                    tr.train(theta, plan.withLocalSteps(steps));
                    o.put("stepMs", (System.nanoTime() - s) / 1e6 / steps);
                }
                if (frozen == 4) memory(task, o);
            }
        }
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

    /** DJL vs ONNX Runtime on the 16 longest test entries, truncated to 128 tokens (a full 16 × 128 batch). */
    private static void forward(FortuneTopics data, int threads, ObjectNode out) throws Exception {
        List<String> texts = data.test().stream()
                .map(FortuneTopics.Entry::text)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .limit(16)
                .toList();
        int[][] tokens;
        try (SentenceTokenizer tok = new SentenceTokenizer(EncoderModel.MINILM, 128)) {
            tokens = tok.encode(texts);
        }
        TokenBatch b = TokenBatch.of(tokens);
        out.put("forwardBatch", b.size() + "x" + b.length());
        int reps = 10;
        double djlMs;
        try (NDManager m = EngineSetup.engine().newBaseManager();
                BertEncoder enc = new BertEncoder(EncoderModel.MINILM.load(), m)) {
            for (int i = 0; i < 3; i++) {
                try (NDManager s = m.newSubManager()) {
                    enc.embedSentences(s, b).toFloatArray();
                }
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                try (NDManager s = m.newSubManager()) {
                    enc.embedSentences(s, b).toFloatArray();
                }
            }
            djlMs = (System.nanoTime() - t0) / 1e6 / reps;
        }
        double ortMs = ort(b, threads, reps);
        out.put("djlForwardMs", djlMs);
        out.put("onnxRuntimeForwardMs", ortMs);
        out.put("djlOverOnnxRuntime", djlMs / ortMs);
    }

    private static double ort(TokenBatch b, int threads, int reps) throws Exception {
        byte[] onnx;
        try (InputStream in = EncoderModel.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2.onnx")) {
            onnx = in.readAllBytes();
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(threads);
            o.setInterOpNumThreads(1);
            try (OrtSession session = env.createSession(onnx, o)) {
                long[] shape = {b.size(), b.length()};
                int[] ids = b.ids();
                float[] mask = b.mask();
                long[] id = new long[ids.length];
                long[] am = new long[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    id[i] = ids[i];
                    am[i] = (long) mask[i];
                }
                for (int i = 0; i < 3; i++) runOrt(env, session, id, am, shape);
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) runOrt(env, session, id, am, shape);
                return (System.nanoTime() - t0) / 1e6 / reps;
            }
        }
    }

    private static void runOrt(OrtEnvironment env, OrtSession s, long[] id, long[] am, long[] shape)
            throws OrtException {
        try (OnnxTensor a = OnnxTensor.createTensor(env, LongBuffer.wrap(id), shape);
                OnnxTensor bm = OnnxTensor.createTensor(env, LongBuffer.wrap(am), shape);
                OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[id.length]), shape);
                OrtSession.Result r = s.run(Map.of("input_ids", a, "attention_mask", bm, "token_type_ids", t))) {
            float[][][] h = (float[][][]) r.get(0).getValue();
            // mean pooling over the mask, as the DJL side does
            double sink = 0;
            for (int i = 0; i < h.length; i++) for (float[] row : h[i]) sink += row[0];
            if (Double.isNaN(sink)) throw new IllegalStateException("NaN from ONNX Runtime");
        }
    }
}
