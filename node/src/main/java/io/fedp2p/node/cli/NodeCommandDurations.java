package io.fedp2p.node.cli;

import java.time.Duration;

/** The duration syntax of {@code fedp2p node} options ({@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}). */
public final class NodeCommandDurations {
    private NodeCommandDurations() {}

    /**
     * @throws IllegalArgumentException for any other text
     */
    public static Duration parse(String text) {
        return NodeCommand.duration("duration", text);
    }
}
