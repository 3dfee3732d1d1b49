package dev.mcpver.semver;

import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One dot-separated prerelease identifier, such as {@code alpha} or {@code 1} in {@code 1.2.3-alpha.1}.
 *
 * <p>Ordering follows SemVer §11.4 as node-semver implements it: numeric identifiers sort below
 * alphanumeric ones, alphanumeric identifiers compare in ASCII order, and numeric identifiers compare as
 * numbers. Like node, numbers are compared as IEEE-754 doubles, so two numeric identifiers beyond 2^53 that
 * differ only below double precision compare equal. {@link #equals} compares the text and is therefore
 * finer than {@link #compareTo}.
 *
 * <p>Immutable and thread-safe.
 */
public final class PrereleaseId implements Comparable<PrereleaseId> {
    /** Sentinel for "not a safe number". */
    private static final long NOT_SAFE = -1;

    private final String text;
    private final boolean numeric;
    private final long safeValue;

    private PrereleaseId(String text, boolean numeric, long safeValue) {
        this.text = text;
        this.numeric = numeric;
        this.safeValue = safeValue;
    }

    /**
     * Parses one identifier.
     *
     * @throws SemverException if the text is empty, has characters other than {@code [0-9A-Za-z-]}, or is
     *     numeric with a leading zero
     */
    public static PrereleaseId of(String text) {
        String problem = Identifiers.prereleaseProblem(text, 0, text.length());
        if (problem != null) {
            throw new SemverException("invalid prerelease identifier " + JsText.quote(text) + ": " + problem);
        }
        return fromValidText(text);
    }

    /** Wraps text already checked by a parser. */
    static PrereleaseId fromValidText(String text) {
        if (!Identifiers.isAllDigits(text, 0, text.length())) {
            return new PrereleaseId(text, false, NOT_SAFE);
        }
        return new PrereleaseId(text, true, Identifiers.safeValue(text, 0, text.length()));
    }

    static PrereleaseId ofSafeNumber(long value) {
        return new PrereleaseId(Long.toString(value), true, value);
    }

    /** The identifier exactly as it appears in the version string. */
    public String text() {
        return text;
    }

    /** True when the identifier consists of digits only. */
    public boolean isNumeric() {
        return numeric;
    }

    /**
     * The numeric value when it is below 2^53−1 (JavaScript's {@code MAX_SAFE_INTEGER}); node-semver turns
     * exactly these identifiers into numbers, so only these may be rendered as JSON numbers. Larger numeric
     * identifiers stay strings, as in node.
     */
    public OptionalLong safeNumber() {
        return safeValue == NOT_SAFE ? OptionalLong.empty() : OptionalLong.of(safeValue);
    }

    boolean isSafeNumber() {
        return safeValue != NOT_SAFE;
    }

    long safeValue() {
        return safeValue;
    }

    @Override
    public int compareTo(PrereleaseId other) {
        if (text.equals(other.text)) {
            return 0;
        }
        return Identifiers.compareDistinct(this, other);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PrereleaseId other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
