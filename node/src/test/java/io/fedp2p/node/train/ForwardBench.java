package io.fedp2p.node.train;

import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.data.FortuneTopics;
import io.fedp2p.node.encoder.BertEncoder;
import io.fedp2p.node.encoder.EncoderModel;
import io.fedp2p.node.encoder.SentenceTokenizer;
import io.fedp2p.node.encoder.TokenBatch;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The forward comparison of {@link TopicBench}: the DJL encoder and ONNX Runtime (same ONNX file, same thread count)
 * on the same batch, interleaved in rounds (a few calls of one, then of the other) so that load from other processes
 * hits both alike. Reports the median and minimum wall time per call of each and their ratios. With {@code
 * OMP_WAIT_POLICY=PASSIVE} (set by {@code node/bench/topic.sh}) ONNX Runtime's threads do not spin either.
 */
final class ForwardBench {
    private static final int ROUNDS = 8;
    private static final int CALLS = 3;

    private ForwardBench() {}

    /**
     * The 16 longest test entries truncated to 128 tokens (a full 16 × 128 batch), and the 16 test entries around
     * the median token count padded to the longest of them (a batch like the length-sorted chunks of the cache).
     */
    static void run(FortuneTopics data, int threads, ObjectNode out) throws Exception {
        List<String> test = data.test().stream().map(FortuneTopics.Entry::text).toList();
        List<String> longest = test.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .limit(16)
                .toList();
        try (SentenceTokenizer tok = new SentenceTokenizer(EncoderModel.MINILM, 128);
                NDManager m = EngineSetup.engine().newBaseManager();
                BertEncoder enc = new BertEncoder(EncoderModel.MINILM.load(), m);
                OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(threads);
            o.setInterOpNumThreads(1);
            // the same wait policy on both sides: ONNX Runtime's pool spins unless told not to, like OpenMP's
            boolean passive = "PASSIVE".equalsIgnoreCase(System.getenv("OMP_WAIT_POLICY"));
            if (passive) o.addConfigEntry("session.intra_op.allow_spinning", "0");
            out.put("threadsSleepWhenIdle", passive);
            try (OrtSession session = OrtEnvironment.getEnvironment().createSession(onnx(), o)) {
                compare(enc, m, session, TokenBatch.of(tok.encode(longest)), out);
                compare(enc, m, session, TokenBatch.of(medianLength(tok.encode(test))), out.putObject("median16"));
            }
        }
    }

    private static int[][] medianLength(int[][] tokens) {
        int[][] sorted = tokens.clone();
        Arrays.sort(sorted, Comparator.comparingInt((int[] t) -> t.length));
        int from = sorted.length / 2 - 8;
        return Arrays.copyOfRange(sorted, from, from + 16);
    }

    private static void compare(BertEncoder enc, NDManager m, OrtSession session, TokenBatch b, ObjectNode out)
            throws OrtException {
        out.put("forwardBatch", b.size() + "x" + b.length());
        double[] djl = new double[ROUNDS * CALLS];
        double[] ort = new double[ROUNDS * CALLS];
        for (int r = -1; r < ROUNDS; r++) { // round −1 warms both up
            for (int i = 0; i < CALLS; i++) {
                long t0 = System.nanoTime();
                try (NDManager s = m.newSubManager()) {
                    enc.embedSentences(s, b).toFloatArray();
                }
                if (r >= 0) djl[r * CALLS + i] = (System.nanoTime() - t0) / 1e6;
            }
            for (int i = 0; i < CALLS; i++) {
                long t0 = System.nanoTime();
                runOrt(session, b);
                if (r >= 0) ort[r * CALLS + i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(djl);
        Arrays.sort(ort);
        double djlMedian = djl[djl.length / 2];
        double ortMedian = ort[ort.length / 2];
        out.put("djlForwardMs", djlMedian);
        out.put("onnxRuntimeForwardMs", ortMedian);
        out.put("djlOverOnnxRuntime", djlMedian / ortMedian);
        out.put("djlMinMs", djl[0]);
        out.put("onnxRuntimeMinMs", ort[0]);
        out.put("djlOverOnnxRuntimeMin", djl[0] / ort[0]);
    }

    private static byte[] onnx() throws Exception {
        try (InputStream in = EncoderModel.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2.onnx")) {
            return in.readAllBytes();
        }
    }

    private static void runOrt(OrtSession s, TokenBatch b) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] shape = {b.size(), b.length()};
        int[] ids = b.ids();
        float[] mask = b.mask();
        long[] id = new long[ids.length];
        long[] am = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            id[i] = ids[i];
            am[i] = (long) mask[i];
        }
        try (OnnxTensor a = OnnxTensor.createTensor(env, LongBuffer.wrap(id), shape);
                OnnxTensor bm = OnnxTensor.createTensor(env, LongBuffer.wrap(am), shape);
                OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[id.length]), shape);
                OrtSession.Result r = s.run(Map.of("input_ids", a, "attention_mask", bm, "token_type_ids", t))) {
            float[][][] h = (float[][][]) r.get(0).getValue();
            // read the last hidden states back into Java, as the DJL side reads its embeddings
            double sink = 0;
            for (float[][] sentence : h) for (float[] row : sentence) sink += row[0];
            if (Double.isNaN(sink)) throw new IllegalStateException("NaN from ONNX Runtime");
        }
    }
}
