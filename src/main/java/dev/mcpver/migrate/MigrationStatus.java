package dev.mcpver.migrate;

import java.util.Locale;

/** Where a migration stands. */
public enum MigrationStatus {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    ROLLING_BACK,
    ROLLED_BACK,
    ROLLBACK_FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MigrationStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** Whether it will not change any more. */
    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == ROLLED_BACK || this == ROLLBACK_FAILED;
    }
}
