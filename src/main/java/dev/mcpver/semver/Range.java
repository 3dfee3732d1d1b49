package dev.mcpver.semver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An npm version range ({@code ^1.2.3}, {@code ~1.2 || >=3.0.0-rc.1 <3.1}, {@code 1.x}, {@code 1.2 - 2},
 * …) parsed with node-semver 7.8.6's strict semantics and {@code includePrerelease=false}.
 *
 * <pre>{@code
 * Range r = Range.parse("^1.2.3");
 * r.normalized();                           // ">=1.2.3 <2.0.0-0"
 * r.test(Version.parse("1.9.0"));           // true
 * r.test(Version.parse("2.0.0-rc.1"));      // false: the -0 bound excludes 2.0.0's prereleases
 * }</pre>
 *
 * <p><b>Prerelease rule.</b> A prerelease version satisfies a comparator set only if it satisfies every
 * comparator and some comparator of that set names a prerelease on the same {@code major.minor.patch}.
 *
 * <p>Immutable and thread-safe. {@link #parse} shares instances through a bounded LRU cache of 1,000
 * parsed ranges, as node does.
 */
public final class Range {
    private static final RangeCache CACHE = new RangeCache(1_000);

    private final List<List<Constraint>> sets;
    private final String normalized;

    Range(List<List<Constraint>> sets) {
        this.sets = sets;
        this.normalized = format(sets);
    }

    /**
     * Parses a range. Unknown tokens ({@code &&}, dist-tags, Ivy/Maven brackets), dangling operators,
     * wildcards followed by numbers ({@code 1.x.5}) and malformed hyphen ranges are errors, never dropped.
     *
     * @throws SemverException if {@code text} is not a valid range
     */
    public static Range parse(String text) {
        Range cached = CACHE.get(text);
        if (cached != null) {
            return cached;
        }
        Range range = RangeParser.parse(text);
        CACHE.put(text, range);
        return range;
    }

    /** Like {@link #parse}, but empty instead of throwing. */
    public static Optional<Range> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (SemverException e) {
            return Optional.empty();
        }
    }

    /**
     * node's exact {@code validRange} output: comparators separated by one space, sets joined by
     * {@code ||}, {@code -0} suffixes kept, and {@code *} for a range that matches everything.
     */
    public String normalized() {
        return normalized;
    }

    /** True when the version satisfies some comparator set (with the prerelease rule). */
    public boolean test(Version version) {
        for (List<Constraint> set : sets) {
            if (testSet(set, version)) {
                return true;
            }
        }
        return false;
    }

    /** The highest satisfying version; the first one listed wins among equal precedence. */
    public Optional<Version> maxSatisfying(List<Version> versions) {
        return Optional.ofNullable(best(versions, 1));
    }

    /** The lowest satisfying version; the first one listed wins among equal precedence. */
    public Optional<Version> minSatisfying(List<Version> versions) {
        return Optional.ofNullable(best(versions, -1));
    }

    /** The satisfying versions, in input order. */
    public List<Version> matching(List<Version> versions) {
        List<Version> result = new ArrayList<>();
        for (Version v : versions) {
            if (test(v)) {
                result.add(v);
            }
        }
        return List.copyOf(result);
    }

    /** {@link #normalized()}. */
    @Override
    public String toString() {
        return normalized;
    }

    private @Nullable Version best(List<Version> versions, int direction) {
        Version best = null;
        for (Version v : versions) {
            if (test(v) && (best == null || Integer.signum(v.compareTo(best)) == direction)) {
                best = v;
            }
        }
        return best;
    }

    private static boolean testSet(List<Constraint> set, Version version) {
        for (Constraint c : set) {
            if (!c.test(version)) {
                return false;
            }
        }
        return !version.isPrerelease() || allowsPrereleaseOf(set, version);
    }

    /** Some comparator names a prerelease on the same {@code major.minor.patch} tuple. */
    private static boolean allowsPrereleaseOf(List<Constraint> set, Version version) {
        for (Constraint c : set) {
            Version bound = c.version();
            if (c.op() != Constraint.Op.ANY && bound.isPrerelease() && bound.compareMain(version) == 0) {
                return true;
            }
        }
        return false;
    }

    private static String format(List<List<Constraint>> sets) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sets.size(); i++) {
            out.append(i > 0 ? "||" : "");
            List<Constraint> set = sets.get(i);
            for (int k = 0; k < set.size(); k++) {
                out.append(k > 0 ? " " : "").append(set.get(k).value());
            }
        }
        return out.length() == 0 ? "*" : out.toString();
    }
}
