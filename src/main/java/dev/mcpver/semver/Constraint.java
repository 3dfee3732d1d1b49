package dev.mcpver.semver;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One primitive comparator of a range, such as {@code >=1.2.3} or {@code <2.0.0-0}, or "any version" (the
 * empty comparator). node-semver calls this a {@code Comparator}.
 *
 * @param op the operator
 * @param version the operand; {@link #ANY_VERSION} for {@link Op#ANY}, where it is never consulted
 */
record Constraint(Op op, Version version) {
    /** Placeholder operand of the "any" comparator; it has no prerelease, so the prerelease rule skips it. */
    static final Version ANY_VERSION = new Version(0, 0, 0, List.of(), List.of(), "0.0.0");

    static final Constraint ANY = new Constraint(Op.ANY, ANY_VERSION);

    /** The value node prints for the null set {@code <X}; a set containing it matches nothing. */
    static final String NULL_SET = "<0.0.0-0";

    enum Op {
        ANY(""),
        EQ(""),
        GT(">"),
        GTE(">="),
        LT("<"),
        LTE("<=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }
    }

    /** Parses a desugared token ({@code ^}, {@code ~} and wildcards already expanded), or null. */
    static @Nullable Constraint parse(String token) {
        if (token.isEmpty()) {
            return ANY;
        }
        int at = operatorEnd(token);
        if (at == token.length() || JsText.isWhitespace(token.charAt(at))) {
            return null;
        }
        return VersionParser.parse(token.substring(at)) instanceof VersionParser.Parsed parsed
                ? new Constraint(op(token.substring(0, at)), parsed.version())
                : null;
    }

    /** Why {@link #parse} rejected {@code token}. */
    static String explain(String token) {
        int at = operatorEnd(token);
        if (at == token.length() && at > 0) {
            return "operator \"" + token + "\" is not followed by a version";
        }
        boolean looksLikeComparator = at > 0 || Identifiers.isDigit(token.charAt(0)) || token.charAt(0) == 'v';
        if (!looksLikeComparator) {
            return "unexpected token " + JsText.quote(token);
        }
        String operand = token.substring(at);
        String reason = VersionParser.parse(operand) instanceof VersionParser.Rejected rejected
                ? rejected.reason()
                : "unexpected text";
        return "invalid comparator " + JsText.quote(token) + ": " + reason;
    }

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

    private static Op op(String symbol) {
        return switch (symbol) {
            case ">" -> Op.GT;
            case ">=" -> Op.GTE;
            case "<" -> Op.LT;
            case "<=" -> Op.LTE;
            default -> Op.EQ;
        };
    }

    boolean test(Version v) {
        return switch (op) {
            case ANY -> true;
            case EQ -> v.compareTo(version) == 0;
            case GT -> v.compareTo(version) > 0;
            case GTE -> v.compareTo(version) >= 0;
            case LT -> v.compareTo(version) < 0;
            case LTE -> v.compareTo(version) <= 0;
        };
    }

    /** node's printed form, e.g. {@code >=1.2.3}; empty for "any". */
    String value() {
        return op == Op.ANY ? "" : op.symbol() + version;
    }

    boolean isNullSet() {
        return op == Op.LT && version.toString().equals("0.0.0-0");
    }
}
