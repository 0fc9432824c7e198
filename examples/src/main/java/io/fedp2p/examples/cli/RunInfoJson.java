package io.fedp2p.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Jackson writers shared by the examples' commands. */
final class RunInfoJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
    static final ObjectWriter COMPACT = MAPPER.writer();

    private RunInfoJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
