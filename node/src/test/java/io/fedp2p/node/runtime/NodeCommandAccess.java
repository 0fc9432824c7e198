package io.fedp2p.node.runtime;

import java.time.Duration;

/** Reaches the command's package-private duration parser from this test package. */
final class NodeCommandAccess {
    private NodeCommandAccess() {}

    static Duration duration(String text) {
        return io.fedp2p.node.cli.NodeCommandDurations.parse(text);
    }
}
