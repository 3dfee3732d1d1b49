package dev.mcpver.semver;

import org.jspecify.annotations.Nullable;

/**
 * A partial or wildcard version inside a range, as node-semver's {@code XRANGEPLAIN} reads it:
 * {@code [v=\s]* M(.m(.p(-pre)?)?)?} where each component is a number, {@code x}, {@code X} or {@code *}.
 * Absent components are {@code null}. Build metadata never occurs here because ranges are stripped of it
 * first.
 *
 * @param text the matched text including any {@code v}/{@code =}/space prefix
 * @param end index after the match in the scanned string
 */
record PartialVersion(
        String text,
        String major,
        @Nullable String minor,
        @Nullable String patch,
        @Nullable String prerelease,
        int end) {

    /** node's {@code isX}: absent or a wildcard. */
    static boolean isX(@Nullable String component) {
        return component == null || component.equals("x") || component.equals("X") || component.equals("*");
    }

    boolean majorIsX() {
        return isX(major);
    }

    boolean minorIsX() {
        return isX(minor);
    }

    boolean patchIsX() {
        return isX(patch);
    }

    /** Minor when {@link #minorIsX()} is false. */
    String minorText() {
        return minor == null ? "" : minor;
    }

    /** Patch when {@link #patchIsX()} is false. */
    String patchText() {
        return patch == null ? "" : patch;
    }

    /** node's 7.8.4 rule: a number must not follow a wildcard ({@code 1.x.5}, {@code x.1}). */
    boolean hasInvalidWildcardOrder() {
        return (majorIsX() && !minorIsX()) || (minorIsX() && patch != null && !patchIsX());
    }

    /** Matches greedily at {@code start}; the caller decides whether the match must reach an end. */
    static @Nullable PartialVersion matchAt(String s, int start) {
        int i = start;
        while (i < s.length() && isPrefixChar(s.charAt(i))) {
            i++;
        }
        int majorEnd = componentEnd(s, i);
        if (majorEnd == i) {
            return null;
        }
        String major = s.substring(i, majorEnd);
        int minorEnd = dotComponentEnd(s, majorEnd);
        if (minorEnd == majorEnd) {
            return new PartialVersion(s.substring(start, majorEnd), major, null, null, null, majorEnd);
        }
        String minor = s.substring(majorEnd + 1, minorEnd);
        int patchEnd = dotComponentEnd(s, minorEnd);
        if (patchEnd == minorEnd) {
            return new PartialVersion(s.substring(start, minorEnd), major, minor, null, null, minorEnd);
        }
        String patch = s.substring(minorEnd + 1, patchEnd);
        int end = prereleaseEnd(s, patchEnd);
        String pre = end == patchEnd ? null : s.substring(patchEnd + 1, end);
        return new PartialVersion(s.substring(start, end), major, minor, patch, pre, end);
    }

    /** Same as {@link #matchAt}, but only when the match runs to the end of {@code s}. */
    static @Nullable PartialVersion matchWhole(String s, int start) {
        PartialVersion match = matchAt(s, start);
        return match != null && match.end == s.length() ? match : null;
    }

    static boolean isPrefixChar(char c) {
        return c == 'v' || c == '=' || JsText.isWhitespace(c);
    }

    private static int dotComponentEnd(String s, int at) {
        if (at >= s.length() || s.charAt(at) != '.') {
            return at;
        }
        int end = componentEnd(s, at + 1);
        return end == at + 1 ? at : end;
    }

    /** A strict number ("0" or up to 257 digits without a leading zero) or one wildcard character. */
    private static int componentEnd(String s, int at) {
        if (at >= s.length()) {
            return at;
        }
        char c = s.charAt(at);
        if (c == '0' || c == 'x' || c == 'X' || c == '*') {
            return at + 1;
        }
        int end = at;
        while (end < s.length() && end - at < Identifiers.MAX_NUMERIC_DIGITS && Identifiers.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** {@code -id(.id)*} with strict identifiers; stops before anything that is not one. */
    private static int prereleaseEnd(String s, int at) {
        if (at >= s.length() || s.charAt(at) != '-') {
            return at;
        }
        int end = identifierEnd(s, at + 1);
        if (end < 0) {
            return at;
        }
        while (end < s.length() && s.charAt(end) == '.') {
            int next = identifierEnd(s, end + 1);
            if (next < 0) {
                break;
            }
            end = next;
        }
        return end;
    }

    /** End of a valid identifier starting at {@code at}, or -1. */
    private static int identifierEnd(String s, int at) {
        int end = at;
        while (end < s.length() && Identifiers.isIdentifierChar(s.charAt(end))) {
            end++;
        }
        return Identifiers.prereleaseProblem(s, at, end) == null ? end : -1;
    }
}
