package dev.mcpver.migrate;

import java.util.Locale;

/** Where an automated update stands. */
public enum UpdateStatus {
    SCHEDULED,
    RUNNING,
    /** Blue-green: switched; the old release keeps running until the hold time has passed. */
    HOLDING,
    /** Canary: the new release runs beside the old one; waiting for the experiment's verdict. */
    AWAITING_DECISION,
    SUCCEEDED,
    FAILED,
    ROLLED_BACK,
    CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UpdateStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == ROLLED_BACK || this == CANCELLED;
    }
}
