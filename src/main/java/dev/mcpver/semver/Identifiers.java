package dev.mcpver.semver;

import org.jspecify.annotations.Nullable;

/** Rules for prerelease and build identifiers, and node-semver's way of comparing them. */
final class Identifiers {
    /** JavaScript's {@code Number.MAX_SAFE_INTEGER}, the largest version component node accepts. */
    static final long MAX_SAFE = 9007199254740991L;

    /** Digits of {@link #MAX_SAFE}; a longer digit string is always above it. */
    static final int MAX_SAFE_DIGITS = 16;

    /*
     * node's "safe" regexes bound identifier lengths (to avoid ReDoS). Inside a 256-character version they
     * never bite, but ranges have no length limit, so the same bounds are applied there.
     */
    static final int MAX_DIGITS_BEFORE_LETTER = 256;
    static final int MAX_CHARS_AFTER_LETTER = 250;
    static final int MAX_NUMERIC_DIGITS = 257;

    private Identifiers() {}

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetterOrHyphen(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }

    static boolean isIdentifierChar(char c) {
        return isDigit(c) || isLetterOrHyphen(c);
    }

    static boolean isAllDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return to > from;
    }

    /** Value of a digit string when it is below MAX_SAFE (node turns those into numbers), else -1. */
    static long safeValue(String s, int from, int to) {
        if (to - from > MAX_SAFE_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value < MAX_SAFE ? value : -1;
    }

    /** Why {@code s[from, to)} is not a strict prerelease identifier, or null when it is one. */
    static @Nullable String prereleaseProblem(String s, int from, int to) {
        if (from == to) {
            return "identifiers must not be empty";
        }
        int digits = 0;
        while (from + digits < to && isDigit(s.charAt(from + digits))) {
            digits++;
        }
        if (digits == to - from) {
            return numericProblem(s, from, to);
        }
        for (int i = from + digits; i < to; i++) {
            if (!isIdentifierChar(s.charAt(i))) {
                return "unexpected character " + JsText.quote(String.valueOf(s.charAt(i)));
            }
        }
        if (digits > MAX_DIGITS_BEFORE_LETTER || to - from - digits - 1 > MAX_CHARS_AFTER_LETTER) {
            return "identifier is too long";
        }
        return null;
    }

    private static @Nullable String numericProblem(String s, int from, int to) {
        if (s.charAt(from) == '0' && to - from > 1) {
            return "numeric identifiers must not have leading zeros";
        }
        return to - from > MAX_NUMERIC_DIGITS ? "identifier is too long" : null;
    }

    /**
     * node's {@code compareIdentifiers} for two identifiers whose texts differ: numbers (compared as
     * doubles, like JavaScript's {@code +a}) sort below alphanumerics, which compare by UTF-16 code units.
     */
    static int compareDistinct(PrereleaseId a, PrereleaseId b) {
        if (a.isNumeric() && b.isNumeric()) {
            return compareNumeric(a, b);
        }
        if (a.isNumeric() != b.isNumeric()) {
            return a.isNumeric() ? -1 : 1;
        }
        return Integer.signum(a.text().compareTo(b.text()));
    }

    private static int compareNumeric(PrereleaseId a, PrereleaseId b) {
        if (a.isSafeNumber() && b.isSafeNumber()) {
            return Long.compare(a.safeValue(), b.safeValue());
        }
        // Double.parseDouble rounds correctly, like JavaScript's Number(); exact below 2^53.
        return Double.compare(Double.parseDouble(a.text()), Double.parseDouble(b.text()));
    }

    /**
     * JavaScript's {@code !isNaN(Number(s))} for an identifier made of {@code [0-9A-Za-z-]}: decimal
     * integers with an optional minus sign and exponent ({@code 1e5}, {@code -1E-5}), {@code Infinity}, and
     * unsigned hex, octal and binary literals ({@code 0x1f}, {@code 0o7}, {@code 0b1}). node's {@code inc}
     * uses this test to decide whether the identifier after a preid is "a number".
     */
    static boolean isJsNumber(String s) {
        if (s.length() > 2 && s.charAt(0) == '0' && radixOf(s.charAt(1)) > 0) {
            return allDigitsIn(s, 2, radixOf(s.charAt(1)));
        }
        int i = s.startsWith("-") ? 1 : 0;
        if (s.startsWith("Infinity", i)) {
            return s.length() == i + "Infinity".length();
        }
        int mantissaEnd = skipDigits(s, i);
        if (mantissaEnd == i) {
            return false;
        }
        if (mantissaEnd == s.length()) {
            return true;
        }
        return isExponent(s, mantissaEnd);
    }

    private static boolean isExponent(String s, int at) {
        char e = s.charAt(at);
        if (e != 'e' && e != 'E') {
            return false;
        }
        int digitsStart = at + 1 < s.length() && s.charAt(at + 1) == '-' ? at + 2 : at + 1;
        int end = skipDigits(s, digitsStart);
        return end > digitsStart && end == s.length();
    }

    private static int skipDigits(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int radixOf(char prefix) {
        return switch (prefix) {
            case 'x', 'X' -> 16;
            case 'o', 'O' -> 8;
            case 'b', 'B' -> 2;
            default -> 0;
        };
    }

    private static boolean allDigitsIn(String s, int from, int radix) {
        for (int i = from; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), radix) < 0) {
                return false;
            }
        }
        return true;
    }
}
