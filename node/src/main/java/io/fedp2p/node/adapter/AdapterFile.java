package io.fedp2p.node.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.model.TensorFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves and loads a trained vector θ with what it belongs to: the backbone's SHA-256, the adapter spec and the seed
 * of the network-wide frozen matrices. Loading against another backbone or spec fails with a message saying which.
 */
public final class AdapterFile {
    static final String MAGIC = "FP2PADPT";

    private AdapterFile() {}

    /** A loaded adapter. */
    public record Loaded(AdapterSpec spec, String backboneSha256, long seed, ParamLayout layout, float[] vector) {
        @Override
        public float[] vector() {
            return vector.clone();
        }
    }

    public static void save(
            Path file, AdapterSpec spec, ParamLayout layout, String backboneSha256, long seed, float[] theta) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode h = json.createObjectNode();
        h.put("format", 1);
        h.put("backboneSha256", backboneSha256);
        h.put("seed", seed);
        ObjectNode a = h.putObject("adapter");
        a.put("kind", spec.kind().cliName());
        a.put("rank", spec.rank());
        a.put("alpha", spec.alpha());
        a.put("frlKeep", spec.frlKeep());
        ArrayNode t = a.putArray("targets");
        spec.targets().forEach(t::add);
        try {
            TensorFile.write(file, MAGIC, h, layout, theta);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write adapter " + file, e);
        }
    }

    /**
     * Loads an adapter trained on the backbone with hash {@code backboneSha256}.
     *
     * @throws IllegalArgumentException naming both hashes when the adapter belongs to another backbone
     */
    public static Loaded load(Path file, String backboneSha256) {
        TensorFile.Content c = TensorFile.read(file, MAGIC, "adapter");
        ObjectNode h = c.header();
        String stored = h.path("backboneSha256").asText("");
        if (!stored.equals(backboneSha256)) {
            throw new IllegalArgumentException(
                    file + ": adapter was trained on backbone " + stored + ", not on this backbone " + backboneSha256);
        }
        JsonNode a = h.path("adapter");
        List<String> targets = new ArrayList<>();
        a.path("targets").forEach(n -> targets.add(n.asText()));
        AdapterSpec spec;
        try {
            spec = new AdapterSpec(
                    AdapterKind.parse(a.path("kind").asText("")),
                    a.path("rank").asInt(),
                    (float) a.path("alpha").asDouble(),
                    targets,
                    (float) a.path("frlKeep").asDouble());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": bad adapter spec (" + e.getMessage() + ")", e);
        }
        return new Loaded(spec, stored, h.path("seed").asLong(), c.layout(), c.values());
    }

    /** Throws unless a loaded adapter fits the given spec and layout. */
    public static void checkCompatible(Loaded loaded, AdapterSpec spec, ParamLayout layout, long seed) {
        if (!loaded.spec().equals(spec)) {
            throw new IllegalArgumentException(
                    "adapter is " + loaded.spec().describe() + ", expected " + spec.describe());
        }
        if (!loaded.layout().equals(layout)) {
            throw new IllegalArgumentException("adapter layout " + loaded.layout() + " differs from " + layout);
        }
        if (loaded.seed() != seed) {
            throw new IllegalArgumentException(
                    "adapter's frozen matrices come from seed " + loaded.seed() + ", not " + seed);
        }
    }
}
