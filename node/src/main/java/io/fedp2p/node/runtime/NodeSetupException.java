package io.fedp2p.node.runtime;

/**
 * A node cannot start because of its settings or files (bad key file mode, unknown adapter, incompatible checkpoint,
 * bad topology file, unusable data): the command turns it into a usage error (exit 2) naming the problem. Internal
 * failures use other exceptions.
 */
public final class NodeSetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NodeSetupException(String message) {
        super(message);
    }

    public NodeSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
