package dev.mcpver.semver;

/** The small text rewrites node-semver applies to a range before splitting it into comparators. */
final class RangeRewrites {
    private RangeRewrites() {}

    /**
     * Removes every {@code +build(.build)*} run anywhere in the text, so build metadata cannot bleed into a
     * version ({@code >=1.2.3+b} reads as {@code >=1.2.3}). Unbounded, like node's global stripper.
     */
    static String stripBuild(String s) {
        int plus = s.indexOf('+');
        if (plus < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, plus);
        int i = plus;
        while (i < s.length()) {
            int end = buildEnd(s, i);
            if (end > i) {
                i = end;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    private static int buildEnd(String s, int at) {
        if (s.charAt(at) != '+' || !identifierCharAt(s, at + 1)) {
            return at;
        }
        int end = runEnd(s, at + 1);
        while (end < s.length() && s.charAt(end) == '.' && identifierCharAt(s, end + 1)) {
            end = runEnd(s, end + 1);
        }
        return end;
    }

    private static boolean identifierCharAt(String s, int i) {
        return i < s.length() && Identifiers.isIdentifierChar(s.charAt(i));
    }

    private static int runEnd(String s, int i) {
        while (i < s.length() && Identifiers.isIdentifierChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code "~ 1.2"} and {@code "~> 1.2"} become {@code "~1.2"} (node drops the {@code >} here). */
    static String joinTilde(String s) {
        if (s.indexOf('~') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int space = c == '~' ? (charIs(s, i + 1, '>') ? i + 2 : i + 1) : -1;
            out.append(c);
            i = space >= 0 && isSpace(s, space) ? space + 1 : i + 1;
        }
        return out.toString();
    }

    /** {@code "^ 1.2"} becomes {@code "^1.2"}. */
    static String joinCaret(String s) {
        if (s.indexOf('^') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            out.append(c);
            i = c == '^' && isSpace(s, i + 1) ? i + 2 : i + 1;
        }
        return out.toString();
    }

    /**
     * Removes the first {@code [<>]?=?\s?\*} in the text. node does this to every comparator after
     * desugaring ({@code *} alone means "any"), which is also why it accepts {@code *1.2.3} as
     * {@code 1.2.3}; this engine keeps that behaviour to stay node-compatible.
     */
    static String stripFirstStar(String s) {
        int star = s.indexOf('*');
        if (star < 0) {
            return s;
        }
        for (int i = Math.max(0, star - 3); i <= star; i++) {
            int end = starMatchEnd(s, i);
            if (end > 0) {
                return s.substring(0, i) + s.substring(end);
            }
        }
        return s;
    }

    /** End of a star match starting at {@code i}, or -1. */
    private static int starMatchEnd(String s, int i) {
        int j = i;
        if (charIs(s, j, '<') || charIs(s, j, '>')) {
            j++;
        }
        if (charIs(s, j, '=')) {
            j++;
        }
        if (isSpace(s, j)) {
            j++;
        }
        return charIs(s, j, '*') ? j + 1 : -1;
    }

    private static boolean charIs(String s, int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private static boolean isSpace(String s, int i) {
        return i < s.length() && JsText.isWhitespace(s.charAt(i));
    }
}
