package dev.mcpver.semver;

import org.jspecify.annotations.Nullable;

/**
 * Turns one space-free range token into primitive comparators, like node-semver's {@code parseComparator}
 * with {@code includePrerelease=false}: caret, then tilde, then x-range, then the star rule. Upper bounds
 * it derives get a {@code -0} suffix so that they exclude the next version's prereleases. A token that no
 * rule recognises is returned unchanged, and the comparator parser rejects it afterwards.
 */
final class TokenDesugar {
    /** Stands in for any number above 2^53−1: node's own arithmetic result there is rejected the same way. */
    private static final String TOO_LARGE = "9007199254740992";

    private TokenDesugar() {}

    /** The desugared text: zero, one or two comparators separated by a space. */
    static String desugar(String token) {
        String result = caret(token);
        if (result == null) {
            result = tilde(token);
        }
        if (result == null) {
            result = xRange(token);
        }
        return RangeRewrites.stripFirstStar(JsText.trim(result));
    }

    /** {@code ^1.2.3 → >=1.2.3 <2.0.0-0}; the first non-zero component is locked. */
    private static @Nullable String caret(String token) {
        if (!token.startsWith("^")) {
            return null;
        }
        PartialVersion v = PartialVersion.matchWhole(token, 1);
        if (v == null) {
            return null;
        }
        return v.majorIsX() ? "" : lowerBound(v) + caretCeiling(v);
    }

    private static String caretCeiling(PartialVersion v) {
        boolean zeroMajor = v.major().equals("0");
        if (v.minorIsX() || !zeroMajor) {
            return majorCeiling(v);
        }
        if (v.patchIsX() || !v.minorText().equals("0")) {
            return minorCeiling(v);
        }
        return " <0.0." + plusOne(v.patchText()) + "-0";
    }

    /** {@code ~1.2.3 → >=1.2.3 <1.3.0-0}: patch-level changes only (minor-level without a minor). */
    private static @Nullable String tilde(String token) {
        if (!token.startsWith("~")) {
            return null;
        }
        PartialVersion v = PartialVersion.matchWhole(token, token.startsWith("~>") ? 2 : 1);
        if (v == null) {
            return null;
        }
        if (v.majorIsX()) {
            return "";
        }
        return lowerBound(v) + (v.minorIsX() ? majorCeiling(v) : minorCeiling(v));
    }

    /** {@code >=M.0.0}, {@code >=M.m.0} or {@code >=M.m.p[-pre]}, without any {@code v}/{@code =} prefix. */
    private static String lowerBound(PartialVersion v) {
        if (v.minorIsX()) {
            return ">=" + v.major() + ".0.0";
        }
        if (v.patchIsX()) {
            return ">=" + v.major() + "." + v.minorText() + ".0";
        }
        String pre = v.prerelease() == null ? "" : "-" + v.prerelease();
        return ">=" + v.major() + "." + v.minorText() + "." + v.patchText() + pre;
    }

    private static String majorCeiling(PartialVersion v) {
        return " <" + plusOne(v.major()) + ".0.0-0";
    }

    private static String minorCeiling(PartialVersion v) {
        return " <" + v.major() + "." + plusOne(v.minorText()) + ".0-0";
    }

    /** x-ranges and plain comparators: {@code 1.x}, {@code >1.2}, {@code <=1}, {@code *}, {@code >=1.2.3}. */
    private static String xRange(String token) {
        int at = operatorEnd(token);
        PartialVersion v = PartialVersion.matchWhole(token, at);
        if (v == null || v.hasInvalidWildcardOrder() || !v.patchIsX()) {
            return token;
        }
        String op = token.substring(0, at);
        if (v.majorIsX()) {
            return op.equals(">") || op.equals("<") ? "<0.0.0-0" : "*";
        }
        if (op.isEmpty() || op.equals("=")) {
            return lowerBound(v) + (v.minorIsX() ? majorCeiling(v) : minorCeiling(v));
        }
        return boundedXRange(op, v);
    }

    /** An operator with a partial version: the wildcard parts become zero and the bound moves. */
    private static String boundedXRange(String op, PartialVersion v) {
        boolean minorX = v.minorIsX();
        String major = v.major();
        String minor = minorX ? "0" : v.minorText();
        if (op.equals(">") || op.equals("<=")) {
            // >1.2 means >=1.3.0; <=1.2 means <1.3.0-0: the whole wildcard span is inside the bound.
            major = minorX ? plusOne(major) : major;
            minor = minorX ? "0" : plusOne(minor);
            op = op.equals(">") ? ">=" : "<";
        }
        return op + major + "." + minor + ".0" + (op.equals("<") ? "-0" : "");
    }

    /** Greedy {@code (<|>)?=?}. */
    private static int operatorEnd(String token) {
        int i = 0;
        if (i < token.length() && (token.charAt(i) == '<' || token.charAt(i) == '>')) {
            i++;
        }
        if (i < token.length() && token.charAt(i) == '=') {
            i++;
        }
        return i;
    }

    /** JavaScript's {@code +n + 1} for a component; exact wherever the result can be a valid version. */
    static String plusOne(String digits) {
        long value = Identifiers.safeValue(digits, 0, digits.length());
        return value >= 0 ? Long.toString(value + 1) : TOO_LARGE;
    }
}
