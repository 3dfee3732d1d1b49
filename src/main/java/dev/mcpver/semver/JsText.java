package dev.mcpver.semver;

/**
 * JavaScript string behaviour that node-semver relies on. Java's {@code trim()} and {@code strip()} use
 * different whitespace sets than JavaScript's {@code trim()} and {@code \s}, so the set is spelled out.
 */
final class JsText {
    private JsText() {}

    /**
     * ECMAScript WhiteSpace and LineTerminator: the set removed by {@code String.prototype.trim} and
     * matched by {@code \s}. Control characters such as U+0001 are deliberately not in it.
     */
    static boolean isWhitespace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        if (c < '\u00a0') {
            return false;
        }
        return c == '\u00a0'
                || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200a')
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u202f'
                || c == '\u205f'
                || c == '\u3000'
                || c == '\ufeff';
    }

    /** Index of the first character that {@code trim()} keeps. */
    static int trimStart(String s) {
        int i = 0;
        while (i < s.length() && isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index after the last character that {@code trim()} keeps, never below {@code start}. */
    static int trimEnd(String s, int start) {
        int end = s.length();
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    static String trim(String s) {
        int start = trimStart(s);
        return s.substring(start, trimEnd(s, start));
    }

    /** {@code s.replace(/\s+/g, ' ')}: every whitespace run becomes one ASCII space. */
    static String collapseWhitespace(String s) {
        int first = firstCollapsible(s);
        if (first < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, first);
        boolean inRun = false;
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ws = isWhitespace(c);
            if (!ws) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = ws;
        }
        return out.toString();
    }

    /** First index where collapsing changes the text (a non-space whitespace or a second space), or -1. */
    private static int firstCollapsible(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isWhitespace(c) && (c != ' ' || (i + 1 < s.length() && isWhitespace(s.charAt(i + 1))))) {
                return i;
            }
        }
        return -1;
    }

    /** Quotes an input for an error message, escaping what would not be readable. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        int limit = Math.min(s.length(), 300);
        for (int i = 0; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < ' ' || (c >= '\u007f' && c <= '\u00a0') || (isWhitespace(c) && c != ' ')) {
                out.append("\\u").append(hex4(c));
            } else {
                out.append(c);
            }
        }
        if (limit < s.length()) {
            out.append("…");
        }
        return out.append('"').toString();
    }

    private static String hex4(char c) {
        String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
        return "0000".substring(hex.length()) + hex;
    }
}
