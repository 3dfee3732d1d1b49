package dev.mcpver.lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How one gate judged a version; ordered from best to worst. */
public enum GateVerdict {
    /** The check holds. Counts fully toward the security score. */
    PASS,
    /** The check could not be completed or found something non-blocking. Counts half. */
    WARN,
    /** The check failed: promotion is refused. Counts nothing. */
    FAIL;

    /** This verdict's share of a gate's weight in the security score. */
    public double credit() {
        return switch (this) {
            case PASS -> 1.0;
            case WARN -> 0.5;
            case FAIL -> 0.0;
        };
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
