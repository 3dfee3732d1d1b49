package dev.mcpver.lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Where a version is in its life, in the order it normally travels. */
public enum Stage {
    DEVELOPMENT,
    TESTING,
    STAGING,
    PRODUCTION,
    DEPRECATED,
    ARCHIVED;

    /** Lower-case name used on every wire. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Stage> fromWire(String text) {
        for (Stage stage : values()) {
            if (stage.wireName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName();
    }
}
