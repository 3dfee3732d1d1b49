package dev.mcpver.compat;

import java.util.Locale;
import java.util.Optional;

/** How bad a change is, ordered from harmless to breaking. */
public enum Level {
    NON_BREAKING,
    POTENTIALLY_BREAKING,
    BREAKING;

    /** {@code breaking}, {@code potentially_breaking}, {@code non_breaking}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Level> fromWire(String name) {
        for (Level level : values()) {
            if (level.wireName().equals(name)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
