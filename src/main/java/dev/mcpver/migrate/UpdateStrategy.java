package dev.mcpver.migrate;

import java.util.Locale;
import java.util.Optional;

/** How an automated update reaches its deployments. */
public enum UpdateStrategy {
    /** One deployment, migrated when due. */
    IMMEDIATE,
    /** Several deployments in the given order, one at a time; a failure stops the roll-out. */
    ROLLING,
    /** The old release keeps running beside the new one until the new one held for the hold time, then stops. */
    BLUE_GREEN,
    /** The new release runs beside the old one in an A/B experiment; its verdict promotes or rolls back. */
    CANARY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UpdateStrategy> fromWire(String wire) {
        for (UpdateStrategy strategy : values()) {
            if (strategy.wireName().equals(wire)) {
                return Optional.of(strategy);
            }
        }
        return Optional.empty();
    }
}
