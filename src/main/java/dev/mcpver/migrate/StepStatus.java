package dev.mcpver.migrate;

import java.util.Locale;

/** Where a step stands. */
public enum StepStatus {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    SKIPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
