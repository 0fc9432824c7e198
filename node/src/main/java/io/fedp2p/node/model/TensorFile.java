package io.fedp2p.node.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedp2p.node.adapter.ParamLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file format of backbones and adapters.
 *
 * <pre>
 * 8 bytes   magic, ASCII ("FP2PBKBN" backbone, "FP2PADPT" adapter)
 * u32 LE    header length H (≤ 1 MiB)
 * H bytes   header, UTF-8 JSON object; its "layout" is [{"name", "shape"}] in canonical order
 * 4·d bytes float32 little-endian values, d = the layout's dimension
 * </pre>
 *
 * Writes go to a temporary file that is then moved into place, so a reader never sees half a file and a failed
 * write leaves the old file untouched.
 */
public final class TensorFile {
    private static final int MAX_HEADER = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TensorFile() {}

    /** A file's parsed content. */
    public record Content(ObjectNode header, ParamLayout layout, float[] values) {}

    /** Writes {@code header} (a "layout" field is added) and the values. */
    public static void write(Path file, String magic, ObjectNode header, ParamLayout layout, float[] values)
            throws IOException {
        layout.checkLength(values);
        ObjectNode h = header.deepCopy();
        ArrayNode l = h.putArray("layout");
        for (ParamLayout.Entry e : layout.entries()) {
            ObjectNode o = l.addObject();
            o.put("name", e.name());
            ArrayNode s = o.putArray("shape");
            for (long d : e.shapeArray()) s.add(d);
        }
        byte[] hb = JSON.writeValueAsBytes(h);
        ByteBuffer buf = ByteBuffer.allocate(12 + hb.length + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(magic.getBytes(StandardCharsets.US_ASCII));
        buf.putInt(hb.length);
        buf.put(hb);
        for (float v : values) buf.putFloat(v);
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, buf.array());
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads and checks a file; every error names the file and what is wrong. */
    public static Content read(Path file, String magic, String what) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read " + what + " (" + e.getMessage() + ")", e);
        }
        if (all.length < 12) throw new IllegalArgumentException(file + ": too short to be a fedp2p " + what);
        String m = new String(all, 0, 8, StandardCharsets.US_ASCII);
        if (!m.equals(magic))
            throw new IllegalArgumentException(file + ": not a fedp2p " + what + " file (magic " + m + ")");
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int hl = buf.getInt(8);
        if (hl < 2 || hl > MAX_HEADER || 12L + hl > all.length) {
            throw new IllegalArgumentException(file + ": bad header length " + hl);
        }
        ObjectNode header;
        try {
            JsonNode n = JSON.readTree(new String(all, 12, hl, StandardCharsets.UTF_8));
            if (!(n instanceof ObjectNode o))
                throw new IllegalArgumentException(file + ": header is not a JSON object");
            header = o;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": corrupt header (" + e.getMessage() + ")", e);
        }
        ParamLayout layout = parseLayout(file, header.get("layout"));
        long expected = 12L + hl + 4L * layout.dimension();
        if (all.length != expected) {
            throw new IllegalArgumentException(file + ": " + all.length + " bytes, expected " + expected
                    + (all.length < expected ? " (truncated)" : " (trailing bytes)"));
        }
        float[] values = new float[layout.dimension()];
        buf.position(12 + hl);
        for (int i = 0; i < values.length; i++) values[i] = buf.getFloat();
        header.remove("layout");
        return new Content(header, layout, values);
    }

    private static ParamLayout parseLayout(Path file, JsonNode layout) {
        if (layout == null || !layout.isArray()) throw new IllegalArgumentException(file + ": header has no layout");
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (JsonNode e : layout) {
            JsonNode shape = e.get("shape");
            if (!e.hasNonNull("name") || shape == null || !shape.isArray()) {
                throw new IllegalArgumentException(file + ": bad layout entry " + e);
            }
            long[] s = new long[shape.size()];
            for (int i = 0; i < s.length; i++) s[i] = shape.get(i).asLong();
            shapes.put(e.get("name").asText(), s);
        }
        try {
            return ParamLayout.of(shapes);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(file + ": bad layout (" + ex.getMessage() + ")", ex);
        }
    }
}
