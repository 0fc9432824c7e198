package io.fedp2p.node.encoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The model's own Hugging Face tokenizer (DJL's binding of the Rust {@code tokenizers} library, whose native code
 * ships inside the {@code ai.djl.huggingface:tokenizers} jar): WordPiece, lower-case for both shipped models,
 * {@code [CLS] … [SEP]}, truncated to a maximum length (special tokens included), no padding. Thread-safe; close
 * it to free the native tokenizer.
 */
public final class SentenceTokenizer implements AutoCloseable {
    /** The default maximum length in tokens. */
    public static final int DEFAULT_MAX_LENGTH = 128;

    private final HuggingFaceTokenizer tokenizer;
    private final int maxLength;

    public SentenceTokenizer(EncoderModel model, int maxLength) {
        if (maxLength < 3) throw new IllegalArgumentException("max length must be >= 3 tokens, got " + maxLength);
        this.maxLength = maxLength;
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "padding", "false",
                "truncation", "true",
                "maxLength", Integer.toString(maxLength));
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(model.tokenizerJson()), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the tokenizer of " + model.cliName(), e);
        }
    }

    public int maxLength() {
        return maxLength;
    }

    /** Token ids of each text, {@code [CLS] … [SEP]}, at most {@link #maxLength()} long. */
    public int[][] encode(List<String> texts) {
        int[][] out = new int[texts.size()][];
        int chunk = 256;
        for (int s = 0; s < texts.size(); s += chunk) {
            List<String> part = texts.subList(s, Math.min(texts.size(), s + chunk));
            Encoding[] enc = tokenizer.batchEncode(part);
            for (int i = 0; i < enc.length; i++) {
                long[] ids = enc[i].getIds();
                if (ids.length > maxLength) throw new IllegalStateException("tokenizer did not truncate");
                int[] v = new int[ids.length];
                for (int j = 0; j < v.length; j++) v[j] = Math.toIntExact(ids[j]);
                out[s + i] = v;
            }
        }
        return out;
    }

    /** The word pieces of a text (for diagnostics and tests). */
    public String[] tokens(String text) {
        return tokenizer.encode(text).getTokens();
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
