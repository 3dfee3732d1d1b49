package dev.mcpver.semver;

import java.util.Locale;
import java.util.Optional;

/**
 * The release types node-semver's {@code inc} and {@code diff} use, in node's order. node's newer
 * {@code release} type is deliberately not offered (the API answers 400 for it).
 */
public enum ReleaseType {
    MAJOR,
    PREMAJOR,
    MINOR,
    PREMINOR,
    PATCH,
    PREPATCH,
    PRERELEASE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lowercase name used on the wire, e.g. {@code premajor}. */
    public String wireName() {
        return wireName;
    }

    /** True for the four {@code pre*} types, which take a preid. */
    public boolean isPre() {
        return this == PREMAJOR || this == PREMINOR || this == PREPATCH || this == PRERELEASE;
    }

    /** The type for an exact, lowercase wire name; empty for anything else (including {@code release}). */
    public static Optional<ReleaseType> fromWire(String wireName) {
        for (ReleaseType type : values()) {
            if (type.wireName.equals(wireName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
