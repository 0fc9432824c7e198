package io.fedp2p.node.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Saves and loads {@link Backbone}s in the {@link TensorFile} format; loading re-checks the stored hash. */
public final class BackboneFile {
    static final String MAGIC = "FP2PBKBN";

    private BackboneFile() {}

    public static void save(Backbone b, Path file) {
        ObjectNode h = new ObjectMapper().createObjectNode();
        h.put("format", 1);
        h.put("architecture", b.architecture());
        h.put("sha256", b.hash());
        h.set("meta", b.meta());
        try {
            TensorFile.write(file, MAGIC, h, b.layout(), b.values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write backbone " + file, e);
        }
    }

    /** Loads and verifies a backbone; a changed or corrupt file fails with a message naming it. */
    public static Backbone load(Path file) {
        TensorFile.Content c = TensorFile.read(file, MAGIC, "backbone");
        ObjectNode h = c.header();
        if (!h.hasNonNull("architecture")) throw new IllegalArgumentException(file + ": header has no architecture");
        ObjectNode meta = h.get("meta") instanceof ObjectNode m ? m : null;
        Backbone b = new Backbone(h.get("architecture").asText(), c.layout(), c.values(), meta);
        String stored = h.path("sha256").asText("");
        if (!stored.equals(b.hash())) {
            throw new IllegalArgumentException(
                    file + ": content hash " + b.hash() + " does not match the stored " + stored + " (corrupt file)");
        }
        return b;
    }
}
