package dev.mcpver.migrate;

import java.util.Locale;

/** Where a step belongs in a plan. */
public enum Phase {
    PRE,
    MIGRATE,
    POST,
    ROLLBACK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
