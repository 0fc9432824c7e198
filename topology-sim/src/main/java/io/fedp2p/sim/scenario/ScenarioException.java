package io.fedp2p.sim.scenario;

/** A scenario the simulator cannot run: the message names the offending key (e.g. {@code network.latency}) and why. */
public final class ScenarioException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public ScenarioException(String key, String message) {
        super(key.isEmpty() ? message : "key '" + key + "': " + message);
        this.key = key;
    }

    public ScenarioException(String key, String message, Throwable cause) {
        this(key, message);
        initCause(cause);
    }

    /** The dotted path of the key, or empty for the whole file. */
    public String key() {
        return key;
    }
}
