package dev.mcpver.semver;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A SemVer 2.0.0 version as node-semver 7.8.6 parses it in strict mode.
 *
 * <pre>{@code
 * Version v = Version.parse("v1.2.3-beta.1+sha.5");
 * v.toString();                              // "1.2.3-beta.1" (canonical, without build metadata)
 * v.inc(ReleaseType.PRERELEASE, null);       // 1.2.3-beta.2
 * Version.diff(v, Version.parse("1.2.3"));   // Optional[PATCH]
 * }</pre>
 *
 * <p><b>Equality.</b> {@link #compareTo} is SemVer precedence, which ignores build metadata, so
 * {@code 1.2.3+a} and {@code 1.2.3+b} compare 0. {@link #equals} is stricter: two versions are equal when
 * their canonical strings and their build metadata are equal, so a {@code Set<Version>} keeps both.
 * Use {@link #samePrecedence} to ask the precedence question. {@code v1.2.3} and {@code 1.2.3} are equal
 * (the prefix is not part of the version).
 *
 * <p>Immutable and thread-safe. Components are at most 2^53−1 ({@code Number.MAX_SAFE_INTEGER}), as in
 * node.
 */
public final class Version implements Comparable<Version> {
    private final long major;
    private final long minor;
    private final long patch;
    private final List<PrereleaseId> prerelease;
    private final List<String> build;
    private final String canonical;

    Version(long major, long minor, long patch, List<PrereleaseId> prerelease, List<String> build, String canonical) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = prerelease;
        this.build = build;
        this.canonical = canonical;
    }

    /**
     * Parses a version with node-semver's strict grammar: surrounding JavaScript whitespace is trimmed, one
     * lowercase {@code v} prefix is allowed, and the raw input may be at most 256 characters long.
     *
     * @throws SemverException if {@code text} is not a valid version
     */
    public static Version parse(String text) {
        return VersionParser.parseOrThrow(text);
    }

    /** Like {@link #parse}, but empty instead of throwing; never builds an exception. */
    public static Optional<Version> tryParse(String text) {
        return VersionParser.parse(text) instanceof VersionParser.Parsed parsed
                ? Optional.of(parsed.version())
                : Optional.empty();
    }

    /** The major component, between 0 and 2^53−1. */
    public long major() {
        return major;
    }

    /** The minor component, between 0 and 2^53−1. */
    public long minor() {
        return minor;
    }

    /** The patch component, between 0 and 2^53−1. */
    public long patch() {
        return patch;
    }

    /** The prerelease identifiers, empty for a release. Unmodifiable. */
    public List<PrereleaseId> prerelease() {
        return prerelease;
    }

    /** The build metadata identifiers (leading zeros allowed). Unmodifiable. */
    public List<String> build() {
        return build;
    }

    /** True when the version has prerelease identifiers. */
    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /** True when this version and {@code other} have the same SemVer precedence (build ignored). */
    public boolean samePrecedence(Version other) {
        return compareTo(other) == 0;
    }

    /**
     * Increments like node-semver's {@code inc(version, type, preid)}. Build metadata is dropped.
     *
     * @param preid prerelease identifiers (dotted, e.g. {@code alpha.beta}) for the {@code pre*} types;
     *     {@code null} or empty means none. Ignored by {@code major}, {@code minor} and {@code patch}, as in
     *     node.
     * @throws SemverException if the preid is invalid for a {@code pre*} type, or if the result would not be
     *     a valid version (a component above 2^53−1 or more than 256 characters), where node would hand back
     *     a string that it cannot parse itself
     */
    public Version inc(ReleaseType type, @Nullable String preid) {
        return Increment.apply(this, type, preid);
    }

    /**
     * The kind of change between two versions, like node-semver's {@code diff}: empty when they have the
     * same precedence.
     */
    public static Optional<ReleaseType> diff(Version a, Version b) {
        return VersionDiff.between(a, b);
    }

    /** SemVer §11 precedence, computed the way node-semver does (see {@link PrereleaseId}). */
    @Override
    public int compareTo(Version other) {
        if (canonical.equals(other.canonical)) {
            return 0;
        }
        int main = compareMain(other);
        return main != 0 ? main : comparePrerelease(other);
    }

    int compareMain(Version other) {
        if (major != other.major) {
            return major < other.major ? -1 : 1;
        }
        if (minor != other.minor) {
            return minor < other.minor ? -1 : 1;
        }
        return patch == other.patch ? 0 : patch < other.patch ? -1 : 1;
    }

    private int comparePrerelease(Version other) {
        List<PrereleaseId> mine = prerelease;
        List<PrereleaseId> theirs = other.prerelease;
        if (mine.isEmpty() || theirs.isEmpty()) {
            return Boolean.compare(mine.isEmpty(), theirs.isEmpty());
        }
        for (int i = 0; i < mine.size() && i < theirs.size(); i++) {
            if (!mine.get(i).text().equals(theirs.get(i).text())) {
                // Like node, the first differing pair decides, even when it compares equal as doubles.
                return Identifiers.compareDistinct(mine.get(i), theirs.get(i));
            }
        }
        return Integer.compare(mine.size(), theirs.size());
    }

    /** Equal canonical form and equal build metadata; see the class comment. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Version other && canonical.equals(other.canonical) && build.equals(other.build);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode() * 31 + build.hashCode();
    }

    /** The canonical form without build metadata and without a {@code v} prefix, e.g. {@code 1.2.3-beta.1}. */
    @Override
    public String toString() {
        return canonical;
    }
}
