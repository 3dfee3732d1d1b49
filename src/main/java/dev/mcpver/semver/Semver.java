package dev.mcpver.semver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * String-in, string-out facade for callers that hold raw text (HTTP, CLI, MCP tools). Every method throws
 * {@link SemverException} for invalid versions, ranges, release types and preids, where node-semver's
 * functions would return {@code null} or {@code false}.
 *
 * <pre>{@code
 * Semver.compare("1.2.3", "v1.2.3+build");                  // 0
 * Semver.satisfies("1.3.0-rc.1", "^1.2.3");                 // false (prerelease rule)
 * Semver.validRange("1.x || >=2.5.0 <3");                   // ">=1.0.0 <2.0.0-0||>=2.5.0 <3.0.0-0"
 * Semver.resolve("^1", List.of("1.0.0", "junk", "1.2.0"));  // max "1.2.0", min "1.0.0"
 * }</pre>
 */
public final class Semver {
    private Semver() {}

    /** Precedence of {@code a} against {@code b}: -1, 0 or 1 (build metadata ignored). */
    public static int compare(String a, String b) {
        return Integer.signum(Version.parse(a).compareTo(Version.parse(b)));
    }

    /** Whether the version satisfies the range (with the prerelease rule). */
    public static boolean satisfies(String version, String range) {
        Range parsed = Range.parse(range);
        return parsed.test(Version.parse(version));
    }

    /** node's {@code validRange}: the normalized range, {@code *} for "anything". */
    public static String validRange(String range) {
        return Range.parse(range).normalized();
    }

    /**
     * Resolves a range against raw version strings. Entries that are not valid versions never match (node
     * behaviour); the others are echoed exactly as given.
     *
     * @throws SemverException only if the range is invalid
     */
    public static Resolution resolve(String range, List<String> versions) {
        Range parsed = Range.parse(range);
        List<String> matching = new ArrayList<>();
        List<Version> matched = new ArrayList<>();
        for (String entry : versions) {
            Version.tryParse(entry).filter(parsed::test).ifPresent(v -> {
                matching.add(entry);
                matched.add(v);
            });
        }
        return new Resolution(pick(matching, matched, 1), pick(matching, matched, -1), matching);
    }

    /** The entry whose version is furthest in {@code direction}; the earliest one wins ties, as in node. */
    private static @Nullable String pick(List<String> entries, List<Version> versions, int direction) {
        int best = -1;
        for (int k = 0; k < versions.size(); k++) {
            if (best < 0 || Integer.signum(versions.get(k).compareTo(versions.get(best))) == direction) {
                best = k;
            }
        }
        return best < 0 ? null : entries.get(best);
    }

    /**
     * node's {@code inc(version, bump, preid)}.
     *
     * @param bump a lowercase release type name ({@code major} … {@code prerelease}); anything else,
     *     including {@code release}, is an error
     */
    public static String next(String version, String bump, @Nullable String preid) {
        ReleaseType type = ReleaseType.fromWire(bump)
                .orElseThrow(() -> new SemverException("unknown bump " + JsText.quote(bump)
                        + ": expected major, premajor, minor, preminor, patch, prepatch or prerelease"));
        return Version.parse(version).inc(type, preid).toString();
    }

    /** node's {@code diff}: empty when the versions have the same precedence. */
    public static Optional<ReleaseType> diff(String a, String b) {
        return Version.diff(Version.parse(a), Version.parse(b));
    }
}
