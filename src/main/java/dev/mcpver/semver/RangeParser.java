package dev.mcpver.semver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a range with node-semver 7.8.6's strict semantics. node defines ranges as a pipeline of text
 * rewrites (trim, split on {@code ||}, strip build metadata, hyphen ranges, operator spacing, caret and
 * tilde spacing, per-token desugaring, {@code >=0.0.0 → *}); each stage here reproduces one of them, so
 * odd inputs get node's answer, not a cleaner grammar's. Any token that does not end up as a valid
 * comparator makes the whole range invalid.
 */
final class RangeParser {
    private static final String GTE_ZERO = ">=0.0.0";

    private final String input;

    private RangeParser(String input) {
        this.input = input;
    }

    static Range parse(String input) {
        return new RangeParser(input).range();
    }

    private Range range() {
        String raw = JsText.collapseWhitespace(JsText.trim(input));
        List<List<Constraint>> sets = new ArrayList<>();
        for (String part : split(raw)) {
            sets.add(comparatorSet(JsText.trim(part)));
        }
        return new Range(simplify(sets));
    }

    /** JavaScript's {@code split('||')}, keeping empty parts. */
    private static List<String> split(String raw) {
        List<String> parts = new ArrayList<>(2);
        int from = 0;
        int bar;
        while ((bar = raw.indexOf("||", from)) >= 0) {
            parts.add(raw.substring(from, bar));
            from = bar + 2;
        }
        parts.add(raw.substring(from));
        return parts;
    }

    private List<Constraint> comparatorSet(String part) {
        String text = HyphenRange.rewrite(RangeRewrites.stripBuild(part));
        text = RangeRewrites.joinCaret(RangeRewrites.joinTilde(OperatorSpacing.apply(text)));
        List<Constraint> parsed = new ArrayList<>(4);
        for (String token : tokens(text)) {
            for (String comparator : tokens(TokenDesugar.desugar(token))) {
                parsed.add(comparator(comparator.equals(GTE_ZERO) ? "" : comparator));
            }
        }
        return dedupe(parsed);
    }

    /** Space-separated tokens; empty tokens would become "any" comparators, which never change a set. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>(4);
        int from = 0;
        while (from <= text.length()) {
            int space = text.indexOf(' ', from);
            int end = space < 0 ? text.length() : space;
            if (end > from) {
                tokens.add(text.substring(from, end));
            }
            from = end + 1;
        }
        return tokens;
    }

    private Constraint comparator(String token) {
        Constraint c = Constraint.parse(token);
        if (c == null) {
            throw SemverException.invalidRange(input, Constraint.explain(token));
        }
        return c;
    }

    /** A null-set comparator empties the set; duplicates go; "any" goes when anything else remains. */
    private static List<Constraint> dedupe(List<Constraint> parsed) {
        Map<String, Constraint> byValue = new LinkedHashMap<>();
        for (Constraint c : parsed) {
            if (c.isNullSet()) {
                return List.of(c);
            }
            byValue.putIfAbsent(c.value(), c);
        }
        if (byValue.size() > 1) {
            byValue.remove("");
        }
        return byValue.isEmpty() ? List.of(Constraint.ANY) : List.copyOf(byValue.values());
    }

    /** Across {@code ||}: null sets go unless nothing else is left, and an "any" set absorbs the rest. */
    private static List<List<Constraint>> simplify(List<List<Constraint>> sets) {
        if (sets.size() == 1) {
            return List.copyOf(sets);
        }
        List<List<Constraint>> kept = new ArrayList<>();
        for (List<Constraint> set : sets) {
            if (!set.get(0).isNullSet()) {
                kept.add(set);
            }
        }
        if (kept.isEmpty()) {
            return List.of(sets.get(0));
        }
        for (List<Constraint> set : kept) {
            if (set.size() == 1 && set.get(0).op() == Constraint.Op.ANY) {
                return List.of(set);
            }
        }
        return List.copyOf(kept);
    }
}
