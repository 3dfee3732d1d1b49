package dev.mcpver.compat;

import java.util.Locale;
import java.util.Optional;

/**
 * A SemVer bump, ordered: {@code decrease < none < patch < minor < major}. {@link #DECREASE} only ever describes a
 * declared version that went backwards.
 */
public enum Bump {
    DECREASE,
    NONE,
    PATCH,
    MINOR,
    MAJOR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Bump> fromWire(String name) {
        for (Bump bump : values()) {
            if (bump.wireName().equals(name)) {
                return Optional.of(bump);
            }
        }
        return Optional.empty();
    }

    public Bump max(Bump other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
