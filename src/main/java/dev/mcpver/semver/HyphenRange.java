package dev.mcpver.semver;

import org.jspecify.annotations.Nullable;

/**
 * Rewrites an inclusive hyphen range ({@code 1.2.3 - 2.3.4 → >=1.2.3 <=2.3.4}) the way node-semver does.
 * Partial bounds widen: a partial lower bound fills zeros, a partial upper bound becomes an exclusive
 * {@code -0} bound ({@code 1.2 - 2.3 → >=1.2.0 <2.4.0-0}); a wildcard bound disappears.
 */
final class HyphenRange {
    private HyphenRange() {}

    /** The rewritten text, or {@code part} unchanged when it is not exactly {@code A - B}. */
    static String rewrite(String part) {
        int start = part.startsWith(" ") ? 1 : 0;
        PartialVersion from = PartialVersion.matchAt(part, start);
        if (from == null || !part.startsWith(" - ", from.end())) {
            return part;
        }
        PartialVersion to = PartialVersion.matchAt(part, from.end() + 3);
        if (to == null || !isEndAfterOptionalSpace(part, to.end())) {
            return part;
        }
        return JsText.trim(lower(from) + " " + upper(to));
    }

    private static boolean isEndAfterOptionalSpace(String s, int at) {
        return at == s.length() || (at + 1 == s.length() && s.charAt(at) == ' ');
    }

    private static String lower(PartialVersion from) {
        if (from.majorIsX()) {
            return "";
        }
        if (from.minorIsX()) {
            return ">=" + from.major() + ".0.0";
        }
        if (from.patchIsX()) {
            return ">=" + from.major() + "." + from.minorText() + ".0";
        }
        // node keeps the bound's own text here, prefix included (">=v1.2.3").
        return ">=" + from.text();
    }

    private static String upper(PartialVersion to) {
        if (to.majorIsX()) {
            return "";
        }
        if (to.minorIsX()) {
            return "<" + TokenDesugar.plusOne(to.major()) + ".0.0-0";
        }
        if (to.patchIsX()) {
            return "<" + to.major() + "." + TokenDesugar.plusOne(to.minorText()) + ".0-0";
        }
        @Nullable String pre = to.prerelease();
        if (pre != null) {
            return "<=" + to.major() + "." + to.minorText() + "." + to.patchText() + "-" + pre;
        }
        return "<=" + to.text();
    }
}
