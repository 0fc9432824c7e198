package io.fedp2p.sim.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A twin run that a scenario may ask for beside the main run (CLI.md {@code summary.json}): the same scenario and seed
 * with the Byzantine nodes following the protocol ({@code no-attack}), or with plain Metropolis mixing instead of the
 * defence ({@code no-defence}).
 */
public enum Twin {
    NO_ATTACK("no-attack", "noAttackAccuracy"),
    NO_DEFENCE("no-defence", "noDefenceAccuracy");

    private final String key;
    private final String summaryField;

    Twin(String key, String summaryField) {
        this.key = key;
        this.summaryField = summaryField;
    }

    public String key() {
        return key;
    }

    /** The {@code summary.json} field holding the twin's honest mean accuracy. */
    public String summaryField() {
        return summaryField;
    }

    public static Twin parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Twin w : values()) if (w.key.equals(t)) return w;
        throw new IllegalArgumentException("unknown twin '" + text + "'; valid: "
                + Arrays.stream(values()).map(Twin::key).collect(Collectors.joining(", ")));
    }
}
