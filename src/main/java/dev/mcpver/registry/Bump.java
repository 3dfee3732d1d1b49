package dev.mcpver.registry;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.mcpver.semver.Version;
import java.util.Locale;
import java.util.Optional;

/**
 * Size of a version change, ordered so that a declared bump is enough when it is not below the required one
 * (compat.md §4.1: decrease &lt; none &lt; patch &lt; minor &lt; major).
 */
public enum Bump {
    DECREASE,
    NONE,
    PATCH,
    MINOR,
    MAJOR;

    /**
     * The bump a publisher declared by going from {@code previous} to {@code next}, compared numerically on
     * major.minor.patch. Below 1.0.0 a 0.y change counts as major and a 0.y.z change as minor (the Cargo/oasdiff
     * convention); prerelease and build changes on the same core count as none.
     */
    public static Bump declared(Version previous, Version next) {
        if (next.compareTo(previous) < 0) {
            return DECREASE;
        }
        if (next.major() != previous.major()) {
            return MAJOR;
        }
        boolean initialDevelopment = previous.major() == 0;
        if (next.minor() != previous.minor()) {
            return initialDevelopment ? MAJOR : MINOR;
        }
        if (next.patch() != previous.patch()) {
            return initialDevelopment ? MINOR : PATCH;
        }
        return NONE;
    }

    /** True when this declared bump is smaller than what the changes require. */
    public boolean under(Bump required) {
        return compareTo(required) < 0;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Bump> fromWire(String text) {
        for (Bump bump : values()) {
            if (bump.wireName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(bump);
            }
        }
        return Optional.empty();
    }
}
