package dev.mcpver.vuln;

import dev.mcpver.semver.Version;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A contiguous span of versions in SemVer precedence order. The lower bound always exists ({@link #MIN},
 * {@code 0.0.0-0}, is the lowest version there is); a null upper bound is unbounded.
 */
record Interval(Version lo, boolean loInclusive, @Nullable Version hi, boolean hiInclusive) {
    static final Version MIN = Version.parse("0.0.0-0");

    static Interval all() {
        return new Interval(MIN, true, null, false);
    }

    boolean contains(Version v) {
        int low = v.compareTo(lo);
        if (low < 0 || (low == 0 && !loInclusive)) {
            return false;
        }
        if (hi == null) {
            return true;
        }
        int high = v.compareTo(hi);
        return high < 0 || (high == 0 && hiInclusive);
    }

    boolean isEmpty() {
        if (hi == null) {
            return false;
        }
        int c = lo.compareTo(hi);
        return c > 0 || (c == 0 && !(loInclusive && hiInclusive));
    }

    /** The versions in both, if any. */
    Optional<Interval> intersect(Interval other) {
        int low = lo.compareTo(other.lo);
        Version newLo = low >= 0 ? lo : other.lo;
        boolean newLoInclusive = low > 0 ? loInclusive : low < 0 ? other.loInclusive : loInclusive && other.loInclusive;
        Version newHi;
        boolean newHiInclusive;
        if (hi == null || other.hi == null) {
            newHi = hi == null ? other.hi : hi;
            newHiInclusive = hi == null ? other.hiInclusive : hiInclusive;
        } else {
            int high = hi.compareTo(other.hi);
            newHi = high <= 0 ? hi : other.hi;
            newHiInclusive = high < 0 ? hiInclusive : high > 0 ? other.hiInclusive : hiInclusive && other.hiInclusive;
        }
        Interval result = new Interval(newLo, newLoInclusive, newHi, newHiInclusive);
        return result.isEmpty() ? Optional.empty() : Optional.of(result);
    }

    /** Narrows the upper bound to {@code limit} (exclusive), as an OSV {@code limit} event does. */
    Interval below(Version limit) {
        return intersect(new Interval(MIN, true, limit, false)).orElse(new Interval(MIN, false, MIN, false));
    }

    @Override
    public String toString() {
        return (loInclusive ? "[" : "(") + lo + ", " + (hi == null ? "∞" : hi) + (hiInclusive ? "]" : ")");
    }
}
