package io.fedp2p.node.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import io.fedp2p.node.train.EngineSetup;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Known answer: the DJL encoder's sentence embeddings equal ONNX Runtime's on the same file (through the langchain4j
 * model classes, test scope only) for 24 sentences encoded as one padded batch: cosine ≥ 0.9999 and max abs error
 * ≤ 1e-4 for every sentence; the same for bge-small-en-v1.5 (12 layers, CLS pooling) on 6 of them.
 */
class EncoderKnownAnswerTest {
    static final List<String> SENTENCES = List.of(
            "The quick brown fox jumps over the lazy dog.",
            "A computer is a machine for making mistakes faster.",
            "Beam me up, Scotty.",
            "Politicians are the same all over: they promise to build a bridge even where there is no river.",
            "Science is what we understand well enough to explain to a computer.",
            "Art is I; science is we.",
            "Work expands to fill the time available for its completion.",
            "Love is the triumph of imagination over intelligence.",
            "Roses are red, violets are blue.",
            "There is no place like 127.0.0.1",
            "UNIX is user-friendly; it just chooses its friends carefully.",
            "To boldly go where no man has gone before!",
            "Never trust a computer you can't throw out a window.",
            "The voters have spoken, the bastards.",
            "E = mc^2",
            "Men and women: a comedy in many acts.",
            "I like work; it fascinates me. I can sit and look at it for hours.",
            "Ars longa, vita brevis.",
            "Shall I compare thee to a summer's day?",
            "Logic is the beginning of wisdom, not the end.",
            "Hello, world!",
            "Debugging is twice as hard as writing the code in the first place.",
            "ok",
            "It's déjà vu all over again — naïve café façade.");

    @BeforeAll
    static void oneThread() {
        EngineSetup.configure(1, 0);
    }

    @Test
    void djlEncoderMatchesOnnxRuntime() {
        assertMatches(EncoderModel.MINILM, new AllMiniLmL6V2EmbeddingModel(), SENTENCES);
    }

    /** The same import on a second BERT-family export: 12 layers, CLS pooling. */
    @Test
    void bgeSmallLoadsAndMatchesToo() {
        PretrainedEncoder w = EncoderModel.BGE_SMALL.load();
        assertThat(w.config().layers()).isEqualTo(12);
        assertThat(w.pooling()).isEqualTo(Pooling.CLS);
        assertMatches(EncoderModel.BGE_SMALL, new BgeSmallEnV15EmbeddingModel(), SENTENCES.subList(0, 6));
    }

    private static void assertMatches(EncoderModel model, EmbeddingModel reference, List<String> sentences) {
        PretrainedEncoder weights = model.load();
        float[][] djl;
        try (SentenceTokenizer tok = new SentenceTokenizer(model, 128);
                NDManager m = EngineSetup.engine().newBaseManager();
                BertEncoder enc = new BertEncoder(weights, m)) {
            TokenBatch b = TokenBatch.of(tok.encode(sentences));
            float[] flat = enc.embedSentences(m, b).toFloatArray();
            int h = weights.config().hidden();
            djl = new float[sentences.size()][h];
            for (int i = 0; i < djl.length; i++) System.arraycopy(flat, i * h, djl[i], 0, h);
        }
        for (int i = 0; i < sentences.size(); i++) {
            float[] ort = reference.embed(sentences.get(i)).content().vector();
            assertThat(ort).hasSize(djl[i].length);
            double dot = 0;
            double na = 0;
            double nb = 0;
            double maxAbs = 0;
            for (int j = 0; j < ort.length; j++) {
                dot += (double) ort[j] * djl[i][j];
                na += (double) ort[j] * ort[j];
                nb += (double) djl[i][j] * djl[i][j];
                maxAbs = Math.max(maxAbs, Math.abs(ort[j] - djl[i][j]));
            }
            double cosine = dot / Math.sqrt(na * nb);
            assertThat(cosine).as("cosine of sentence %d", i).isGreaterThanOrEqualTo(0.9999);
            assertThat(maxAbs).as("max abs error of sentence %d", i).isLessThanOrEqualTo(1e-4);
        }
    }
}
