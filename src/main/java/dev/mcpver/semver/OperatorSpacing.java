package dev.mcpver.semver;

/**
 * Joins an operator to its version ({@code "> 1.2.3"} becomes {@code ">1.2.3"}), reproducing where
 * node-semver 7.8.6's comparator-whitespace trim removes a space and where it does not. node scans left
 * to right, skipping each whole version it recognises so that characters inside a version are never read
 * as the start of another one; the skip lengths below follow node's (length-bounded) version patterns,
 * because they decide which spaces survive in malformed input such as {@code ">= v 1.2.3"}.
 */
final class OperatorSpacing {
    private static final int LOOSE_DIGITS = 256;
    private static final int STRICT_DIGITS = 257;

    private OperatorSpacing() {}

    static String apply(String s) {
        return new Scan(s).run();
    }

    /** One left-to-right pass; copies the text except the spaces it decides to remove. */
    private static final class Scan {
        private final String s;
        private final StringBuilder out;
        private int copyFrom;
        private int cursor;

        Scan(String s) {
            this.s = s;
            this.out = new StringBuilder(s.length());
        }

        String run() {
            while (cursor < s.length()) {
                step();
            }
            return copyFrom == 0 ? s : out.append(s, copyFrom, s.length()).toString();
        }

        /** Reads an optional operator, a v/=/space prefix and, if one follows, a whole version. */
        private void step() {
            int matchStart = cursor;
            char c = s.charAt(cursor);
            if (!isOperator(c) && !PartialVersion.isPrefixChar(c) && !isVersionStart(c)) {
                cursor++;
                return;
            }
            cursor = skipPrefix(s, isOperator(c) ? cursor + 1 : cursor);
            if (cursor < s.length() && isVersionStart(s.charAt(cursor))) {
                remove(removableSpace(s, matchStart));
                cursor = versionEnd(s, cursor);
            }
        }

        /** Drops the character at {@code index} (never 0: a removable space follows something). */
        private void remove(int index) {
            if (index > 0) {
                out.append(s, copyFrom, index);
                copyFrom = index + 1;
            }
        }
    }

    private static boolean isOperator(char c) {
        return c == '<' || c == '>';
    }

    private static int skipPrefix(String s, int i) {
        while (i < s.length() && PartialVersion.isPrefixChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isVersionStart(char c) {
        return Identifiers.isDigit(c) || c == 'x' || c == 'X' || c == '*';
    }

    /** The one space after an optional leading space and an optional operator, or -1. */
    private static int removableSpace(String s, int p) {
        if (isSpace(s, p)) {
            p++;
        }
        if (p < s.length() && (s.charAt(p) == '<' || s.charAt(p) == '>')) {
            p++;
        }
        if (p < s.length() && s.charAt(p) == '=') {
            p++;
        }
        return isSpace(s, p) ? p : -1;
    }

    private static boolean isSpace(String s, int i) {
        return i < s.length() && JsText.isWhitespace(s.charAt(i));
    }

    /** A loose full version if one starts here, else a strict partial one. */
    private static int versionEnd(String s, int start) {
        int full = looseFullEnd(s, start);
        return full != start ? full : partialEnd(s, start);
    }

    private static int looseFullEnd(String s, int start) {
        int end = start;
        for (int component = 0; component < 3; component++) {
            int next = digitsEnd(s, end, LOOSE_DIGITS);
            if (next == end || (component < 2 && !charAt(s, next, '.'))) {
                return start;
            }
            end = component < 2 ? next + 1 : next;
        }
        return buildEnd(s, prereleaseEnd(s, end, true));
    }

    private static int partialEnd(String s, int start) {
        int end = componentEnd(s, start);
        for (int component = 0; component < 2; component++) {
            if (!charAt(s, end, '.')) {
                return end;
            }
            int next = componentEnd(s, end + 1);
            if (next == end + 1) {
                return end;
            }
            end = next;
        }
        return buildEnd(s, prereleaseEnd(s, end, false));
    }

    private static int componentEnd(String s, int at) {
        if (at < s.length() && Identifiers.isDigit(s.charAt(at))) {
            return numberEnd(s, at, false);
        }
        return at < s.length() && isVersionStart(s.charAt(at)) ? at + 1 : at;
    }

    private static int numberEnd(String s, int at, boolean loose) {
        if (!loose && charAt(s, at, '0')) {
            return at + 1;
        }
        return digitsEnd(s, at, loose ? LOOSE_DIGITS : STRICT_DIGITS);
    }

    /** Loose mode also accepts a prerelease without its hyphen, or a lone hyphen. */
    private static int prereleaseEnd(String s, int start, boolean loose) {
        boolean hyphen = charAt(s, start, '-');
        if (!loose && !hyphen) {
            return start;
        }
        int idStart = hyphen ? start + 1 : start;
        int end = identifierEnd(s, idStart, loose);
        if (end == idStart) {
            if (!loose || !hyphen) {
                return start;
            }
            end = identifierEnd(s, start, loose);
        }
        while (charAt(s, end, '.')) {
            int next = identifierEnd(s, end + 1, loose);
            if (next == end + 1) {
                break;
            }
            end = next;
        }
        return end;
    }

    private static int identifierEnd(String s, int start, boolean loose) {
        int digits = digitsEnd(s, start, LOOSE_DIGITS);
        if (digits < s.length() && Identifiers.isLetterOrHyphen(s.charAt(digits))) {
            return runEnd(s, digits + 1, Identifiers.MAX_CHARS_AFTER_LETTER);
        }
        return numberEnd(s, start, loose);
    }

    private static int buildEnd(String s, int start) {
        if (!charAt(s, start, '+')) {
            return start;
        }
        int end = runEnd(s, start + 1, Identifiers.MAX_CHARS_AFTER_LETTER);
        if (end == start + 1) {
            return start;
        }
        while (charAt(s, end, '.')) {
            int next = runEnd(s, end + 1, Identifiers.MAX_CHARS_AFTER_LETTER);
            if (next == end + 1) {
                break;
            }
            end = next;
        }
        return end;
    }

    /** End of at most {@code limit} digits from {@code at}; bounded so long inputs stay linear. */
    private static int digitsEnd(String s, int at, int limit) {
        int end = at;
        while (end < s.length() && end - at < limit && Identifiers.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int runEnd(String s, int at, int limit) {
        int end = at;
        while (end < s.length() && end - at < limit && Identifiers.isIdentifierChar(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean charAt(String s, int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }
}
