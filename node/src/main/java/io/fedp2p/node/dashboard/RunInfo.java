package io.fedp2p.node.dashboard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the dashboard's header shows about a run. Public settings only: never keys or file paths of secrets.
 *
 * @param mode {@code node} (one peer's view), {@code sim} (a simulation) or {@code replay} (a finished run's files)
 * @param title the page title
 * @param self the local node's id in node mode, else null
 * @param totalRounds the planned number of rounds, 0 when unbounded
 * @param facts ordered label → value pairs (seed, defence, attack, ...)
 */
public record RunInfo(String mode, String title, String self, long totalRounds, Map<String, String> facts) {
    public RunInfo {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(title, "title");
        if (!mode.equals("node") && !mode.equals("sim") && !mode.equals("replay"))
            throw new IllegalArgumentException("mode must be node, sim or replay, got " + mode);
        if (totalRounds < 0) throw new IllegalArgumentException("totalRounds must be >= 0");
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }
}
