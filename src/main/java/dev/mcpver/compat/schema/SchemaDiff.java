package dev.mcpver.compat.schema;

import dev.mcpver.compat.json.JsonPointer;
import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.compat.schema.Delta.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Compares two canonical schemas keyword by keyword and reports {@link Delta}s. Where the two sides are not
 * structurally aligned (a union on one side only — e.g. the old schema wrapped as one {@code anyOf} branch) it falls
 * back to the {@link Inclusion} check in both directions. A semantic difference that no keyword rule explains is
 * reported as {@link Delta.Kind#UNDECIDED}: the differ never stays silent about a changed schema.
 */
public final class SchemaDiff {
    private final List<Delta> deltas = new ArrayList<>();
    /** Structural differences the inclusion check proved harmless (they explain a change without a delta). */
    private int proven;

    private SchemaDiff() {}

    /** Differences from {@code before} to {@code after}; empty when the raw schemas were identical. */
    public static List<Delta> compare(CanonicalSchema before, CanonicalSchema after) {
        SchemaDiff diff = new SchemaDiff();
        diff.node(before.root(), after.root(), "");
        if (!Objects.equals(before.dialectUri(), after.dialectUri())) {
            diff.add(
                    Delta.Kind.DIALECT_CHANGED,
                    "/$schema",
                    str(before.dialectUri()),
                    str(after.dialectUri()),
                    "$schema changed from " + (before.dialectUri() == null ? "absent (2020-12)" : before.dialectUri())
                            + " to " + (after.dialectUri() == null ? "absent (2020-12)" : after.dialectUri()));
        }
        if (after.dialect() == Dialect.OTHER && !Objects.equals(before.dialectUri(), after.dialectUri())) {
            diff.add(
                    Kind.UNDECIDED,
                    "/$schema",
                    str(before.dialectUri()),
                    str(after.dialectUri()),
                    "the new $schema is a dialect the analyzer does not know; clients may not support it either");
        }
        if (diff.deltas.isEmpty()) {
            boolean refs = before.usesRefs() || after.usesRefs();
            diff.add(
                    refs ? Delta.Kind.REF_REFACTOR : Delta.Kind.EQUIVALENT_REFACTOR,
                    "",
                    null,
                    null,
                    refs
                            ? "$ref/$defs rearranged; the resolved schema is unchanged"
                            : "representation changed; the canonical schema is unchanged");
        }
        return List.copyOf(diff.deltas);
    }

    private static @Nullable JsonValue str(@Nullable String value) {
        return value == null ? null : JsonValue.of(value);
    }

    private void add(Kind kind, String pointer, @Nullable JsonValue before, @Nullable JsonValue after, String detail) {
        add(kind, pointer, before, after, detail, Set.of());
    }

    private void add(
            Kind kind,
            String pointer,
            @Nullable JsonValue before,
            @Nullable JsonValue after,
            String detail,
            Set<Delta.Flag> flags) {
        deltas.add(new Delta(kind, pointer, before, after, detail, flags));
    }

    private long semanticCount() {
        return deltas.stream().filter(d -> d.kind().semantic()).count();
    }

    // ---------------------------------------------------------------------------------------------- nodes

    private void node(@Nullable SchemaNode a, @Nullable SchemaNode b, String p) {
        SchemaNode x = a == null ? SchemaNode.Shape.ANY : a;
        SchemaNode y = b == null ? SchemaNode.Shape.ANY : b;
        annotations(SchemaNode.annotationsOf(x), SchemaNode.annotationsOf(y), p);
        if (x.equals(y)) {
            equalChildren(x, y, p);
            return;
        }
        long before = semanticCount();
        int provenBefore = proven;
        if (x instanceof SchemaNode.Never || y instanceof SchemaNode.Never) {
            boolean narrowed = y instanceof SchemaNode.Never;
            add(
                    narrowed ? Kind.TYPE_NARROWED : Kind.TYPE_WIDENED,
                    p,
                    SchemaJson.render(x),
                    SchemaJson.render(y),
                    narrowed ? "no value is accepted any more" : "values are accepted where none were");
            return;
        }
        if (!(x instanceof SchemaNode.Shape sa) || !(y instanceof SchemaNode.Shape sb)) {
            add(
                    Kind.UNDECIDED,
                    p,
                    SchemaJson.render(x),
                    SchemaJson.render(y),
                    "schema changed in a part the analyzer cannot model (" + reason(x, y) + ")");
            return;
        }
        if (sa.composition().union().isEmpty() != sb.composition().union().isEmpty()) {
            fallback(sa, sb, p);
            return;
        }
        keywords(sa, sb, p);
        if (semanticCount() == before && proven == provenBefore) {
            add(
                    Kind.UNDECIDED,
                    p,
                    SchemaJson.render(sa),
                    SchemaJson.render(sb),
                    "schema changed in a way no keyword rule explains");
        }
    }

    private static String reason(SchemaNode a, SchemaNode b) {
        SchemaNode odd = a instanceof SchemaNode.Shape ? b : a;
        if (odd instanceof SchemaNode.Unknown unknown) {
            return unknown.reason();
        }
        return odd instanceof SchemaNode.Recursive r ? "recursive reference " + r.ref() : "unsupported node";
    }

    /** Semantically equal nodes may still differ in annotations below: walk the matching children. */
    private void equalChildren(SchemaNode a, SchemaNode b, String p) {
        if (!(a instanceof SchemaNode.Shape x) || !(b instanceof SchemaNode.Shape y)) {
            return;
        }
        for (String name : x.objects().properties().keySet()) {
            String at = JsonPointer.append(JsonPointer.append(p, "properties"), name);
            node(x.objects().properties().get(name), y.objects().properties().get(name), at);
        }
        if (x.arrays().items() != null) {
            node(x.arrays().items(), y.arrays().items(), JsonPointer.append(p, "items"));
        }
        for (int i = 0; i < x.arrays().prefixItems().size(); i++) {
            node(
                    x.arrays().prefixItems().get(i),
                    y.arrays().prefixItems().get(i),
                    JsonPointer.append(JsonPointer.append(p, "prefixItems"), i));
        }
        List<SchemaNode> ua = x.composition().union();
        List<SchemaNode> ub = y.composition().union();
        String key = x.composition().anyOf().isEmpty() ? "oneOf" : "anyOf";
        for (int i = 0; i < ub.size(); i++) {
            int match = ua.indexOf(ub.get(i));
            if (match >= 0) {
                node(ua.get(match), ub.get(i), JsonPointer.append(JsonPointer.append(p, key), i));
            }
        }
    }

    private void annotations(SchemaNode.Annotations a, SchemaNode.Annotations b, String p) {
        text(a.title(), b.title(), p, "title");
        text(a.description(), b.description(), p, "description");
        if (!Objects.equals(a.examples(), b.examples())) {
            add(
                    Kind.DESCRIPTION_CHANGED,
                    JsonPointer.append(p, "examples"),
                    a.examples(),
                    b.examples(),
                    "examples changed");
        }
        if (a.deprecated() != b.deprecated()) {
            add(
                    Kind.DESCRIPTION_CHANGED,
                    JsonPointer.append(p, "deprecated"),
                    JsonValue.of(a.deprecated()),
                    JsonValue.of(b.deprecated()),
                    b.deprecated() ? "marked deprecated" : "no longer deprecated");
        }
        defaults(a.defaultValue(), b.defaultValue(), JsonPointer.append(p, "default"));
        if (a.unboundedBound() != b.unboundedBound()) {
            add(
                    Kind.UNBOUNDED_BOUND_CHANGED,
                    p,
                    JsonValue.of(a.unboundedBound()),
                    JsonValue.of(b.unboundedBound()),
                    (b.unboundedBound()
                                    ? "an integer bound at ±(2^53−1) was added"
                                    : "an integer bound at ±(2^53−1) was removed")
                            + "; no safe integer is affected");
        }
    }

    private void text(@Nullable String a, @Nullable String b, String p, String keyword) {
        if (!Objects.equals(a, b)) {
            add(Kind.DESCRIPTION_CHANGED, JsonPointer.append(p, keyword), str(a), str(b), keyword + " changed");
        }
    }

    private void defaults(@Nullable JsonValue a, @Nullable JsonValue b, String p) {
        if (Objects.equals(a, b)) {
            return;
        }
        if (a == null) {
            add(Kind.DEFAULT_ADDED, p, null, b, "default added");
        } else if (b == null) {
            add(Kind.DEFAULT_REMOVED, p, a, null, "default removed");
        } else {
            add(Kind.DEFAULT_CHANGED, p, a, b, "default changed");
        }
    }

    // ---------------------------------------------------------------------------------------------- fallback

    /** Structural rewrite: decide with the inclusion check, one verdict per direction. */
    private void fallback(SchemaNode.Shape a, SchemaNode.Shape b, String p) {
        Verdict keepsOld = Inclusion.check(a, b);
        Verdict addsNothing = Inclusion.check(b, a);
        JsonValue before = SchemaJson.render(a);
        JsonValue after = SchemaJson.render(b);
        if (keepsOld == Verdict.YES && addsNothing == Verdict.YES) {
            add(
                    Kind.EQUIVALENT_REFACTOR,
                    p,
                    before,
                    after,
                    "composition rewritten; both schemas accept the same values");
            return;
        }
        if (keepsOld == Verdict.NO) {
            add(
                    Kind.COMPOSITION_NARROWED,
                    p,
                    before,
                    after,
                    "composition changed; some values accepted before are rejected now");
        } else if (keepsOld == Verdict.UNKNOWN) {
            add(
                    Kind.MAYBE_NARROWED,
                    p,
                    before,
                    after,
                    "composition changed; the analyzer cannot prove that every value accepted before is still accepted");
        }
        if (addsNothing == Verdict.NO) {
            add(
                    Kind.COMPOSITION_WIDENED,
                    p,
                    before,
                    after,
                    "composition changed; values rejected before are accepted now");
        } else if (addsNothing == Verdict.UNKNOWN) {
            add(
                    Kind.MAYBE_WIDENED,
                    p,
                    before,
                    after,
                    "composition changed; the analyzer cannot prove that no new kind of value is accepted");
        }
    }

    // ---------------------------------------------------------------------------------------------- keywords

    private void keywords(SchemaNode.Shape a, SchemaNode.Shape b, String p) {
        boolean enums = a.enumValues() != null || b.enumValues() != null;
        types(a, b, p, a.enumValues() != null && b.enumValues() != null);
        enumerations(a, b, p);
        if (!enums) {
            if (shares(a, b, JsonType.NUMBER) || shares(a, b, JsonType.INTEGER)) {
                numeric(a.numeric(), b.numeric(), p);
            }
            if (shares(a, b, JsonType.STRING)) {
                strings(a.strings(), b.strings(), p);
            }
            if (shares(a, b, JsonType.ARRAY)) {
                arrays(a.arrays(), b.arrays(), p);
            }
            if (shares(a, b, JsonType.OBJECT)) {
                new ObjectDiff(a.objects(), b.objects(), p).run();
            }
        }
        composition(a, b, p);
    }

    private static boolean shares(SchemaNode.Shape a, SchemaNode.Shape b, JsonType type) {
        return a.accepts(type) && b.accepts(type);
    }

    private void types(SchemaNode.Shape a, SchemaNode.Shape b, String p, boolean bothEnums) {
        String at = JsonPointer.append(p, "type");
        if (a.types().equals(b.types()) || bothEnums) {
            if (a.nullable() != b.nullable()) {
                add(
                        b.nullable() ? Kind.BECAME_NULLABLE : Kind.BECAME_NOT_NULLABLE,
                        at,
                        SchemaJson.types(a),
                        SchemaJson.types(b),
                        b.nullable() ? "null is accepted now" : "null is no longer accepted");
            }
            return;
        }
        boolean narrowed = !JsonType.subset(a.types(), b.types()) || (a.nullable() && !b.nullable());
        boolean widened = !JsonType.subset(b.types(), a.types()) || (b.nullable() && !a.nullable());
        boolean disjoint = JsonType.intersect(a.types(), b.types()).isEmpty()
                && !a.types().isEmpty()
                && !b.types().isEmpty()
                && !(a.nullable() && b.nullable());
        String detail = "type changed from " + names(a) + " to " + names(b);
        if (disjoint) {
            add(Kind.TYPE_CHANGED, at, SchemaJson.types(a), SchemaJson.types(b), detail);
            return;
        }
        if (narrowed) {
            add(Kind.TYPE_NARROWED, at, SchemaJson.types(a), SchemaJson.types(b), detail);
        }
        if (widened) {
            add(Kind.TYPE_WIDENED, at, SchemaJson.types(a), SchemaJson.types(b), detail);
        }
    }

    private static String names(SchemaNode.Shape s) {
        if (s.types().equals(JsonType.ALL) && s.nullable()) {
            return "any";
        }
        List<String> names = new ArrayList<>();
        s.types().forEach(t -> names.add(t.wireName()));
        if (s.nullable()) {
            names.add("null");
        }
        return String.join("|", names);
    }

    private void enumerations(SchemaNode.Shape a, SchemaNode.Shape b, String p) {
        List<JsonValue> ea = a.enumValues();
        List<JsonValue> eb = b.enumValues();
        if (Objects.equals(ea, eb)) {
            return;
        }
        String at = JsonPointer.append(p, "enum");
        if (ea == null || eb == null) {
            boolean became = ea == null;
            add(
                    became ? Kind.BECAME_ENUM : Kind.ENUM_REMOVED,
                    at,
                    ea == null ? null : new JsonValue.JArray(ea),
                    eb == null ? null : new JsonValue.JArray(eb),
                    became
                            ? "restricted to the values " + values(Objects.requireNonNull(eb))
                            : "enum restriction removed");
            return;
        }
        if (ea.size() == 1 && eb.size() == 1) {
            add(
                    Kind.CONST_CHANGED,
                    JsonPointer.append(p, "const"),
                    ea.get(0),
                    eb.get(0),
                    "constant changed from " + values(ea) + " to " + values(eb));
            return;
        }
        List<JsonValue> removed = ea.stream().filter(v -> !eb.contains(v)).toList();
        List<JsonValue> added = eb.stream().filter(v -> !ea.contains(v)).toList();
        if (!removed.isEmpty()) {
            add(
                    Kind.ENUM_VALUE_REMOVED,
                    at,
                    new JsonValue.JArray(ea),
                    new JsonValue.JArray(eb),
                    "enum values removed: " + values(removed));
        }
        if (!added.isEmpty()) {
            add(
                    Kind.ENUM_VALUE_ADDED,
                    at,
                    new JsonValue.JArray(ea),
                    new JsonValue.JArray(eb),
                    "enum values added: " + values(added));
        }
    }

    static String values(List<JsonValue> values) {
        return values.stream().map(dev.mcpver.compat.json.JsonWriter::compact).collect(Collectors.joining(", "));
    }

    private void numeric(SchemaNode.Numeric a, SchemaNode.Numeric b, String p) {
        bound(a.lower(), b.lower(), p, true);
        bound(a.upper(), b.upper(), p, false);
        BigDecimal ma = a.multipleOf();
        BigDecimal mb = b.multipleOf();
        if (Objects.equals(ma, mb)) {
            return;
        }
        String at = JsonPointer.append(p, "multipleOf");
        JsonValue before = ma == null ? null : SchemaJson.number(ma);
        JsonValue after = mb == null ? null : SchemaJson.number(mb);
        boolean relaxed = mb == null || (ma != null && ma.remainder(mb).signum() == 0);
        boolean tightened = ma == null || (mb != null && mb.remainder(ma).signum() != 0);
        if (tightened) {
            add(Kind.NUMERIC_TIGHTENED, at, before, after, "multipleOf changed from " + ma + " to " + mb);
        }
        if (relaxed || (ma != null && mb != null && ma.remainder(mb).signum() != 0)) {
            add(Kind.NUMERIC_RELAXED, at, before, after, "multipleOf changed from " + ma + " to " + mb);
        }
    }

    private void bound(SchemaNode.@Nullable Bound a, SchemaNode.@Nullable Bound b, String p, boolean lower) {
        if (Objects.equals(a, b)) {
            return;
        }
        SchemaNode.Bound shown = b != null ? b : Objects.requireNonNull(a);
        String keyword = lower
                ? (shown.exclusive() ? "exclusiveMinimum" : "minimum")
                : (shown.exclusive() ? "exclusiveMaximum" : "maximum");
        boolean tightened = lower ? !Inclusion.lowerWithin(a, b) : !Inclusion.upperWithin(a, b);
        String detail = keyword + " " + describe(a) + " → " + describe(b);
        JsonValue before = a == null ? null : SchemaJson.number(a.value());
        JsonValue after = b == null ? null : SchemaJson.number(b.value());
        add(
                tightened ? Kind.NUMERIC_TIGHTENED : Kind.NUMERIC_RELAXED,
                JsonPointer.append(p, keyword),
                before,
                after,
                detail);
    }

    private static String describe(SchemaNode.@Nullable Bound bound) {
        return bound == null
                ? "none"
                : (bound.exclusive() ? "exclusive " : "") + bound.value().toPlainString();
    }

    private void strings(SchemaNode.Strings a, SchemaNode.Strings b, String p) {
        count("minLength", a.minLength(), b.minLength(), p, true, Kind.STRING_TIGHTENED, Kind.STRING_RELAXED);
        count("maxLength", a.maxLength(), b.maxLength(), p, false, Kind.STRING_TIGHTENED, Kind.STRING_RELAXED);
        if (!Objects.equals(a.pattern(), b.pattern())) {
            Kind kind = a.pattern() == null
                    ? Kind.PATTERN_ADDED
                    : b.pattern() == null ? Kind.PATTERN_REMOVED : Kind.PATTERN_CHANGED;
            add(
                    kind,
                    JsonPointer.append(p, "pattern"),
                    str(a.pattern()),
                    str(b.pattern()),
                    "pattern " + (a.pattern() == null ? "none" : a.pattern()) + " → "
                            + (b.pattern() == null ? "none" : b.pattern()));
        }
        if (!Objects.equals(a.format(), b.format())) {
            Kind kind = a.format() == null
                    ? Kind.FORMAT_ADDED
                    : b.format() == null ? Kind.FORMAT_REMOVED : Kind.FORMAT_CHANGED;
            add(
                    kind,
                    JsonPointer.append(p, "format"),
                    str(a.format()),
                    str(b.format()),
                    "format " + (a.format() == null ? "none" : a.format()) + " → "
                            + (b.format() == null ? "none" : b.format()));
        }
    }

    /**
     * A minimum-style ({@code lowerBound}, null = 0) or maximum-style (null = unbounded) count keyword.
     */
    private void count(
            String keyword,
            @Nullable Long a,
            @Nullable Long b,
            String p,
            boolean lowerBound,
            Kind tightened,
            Kind relaxed) {
        if (Objects.equals(a, b)) {
            return;
        }
        boolean tighter = lowerBound ? value(b, 0) > value(a, 0) : value(b, Long.MAX_VALUE) < value(a, Long.MAX_VALUE);
        add(
                tighter ? tightened : relaxed,
                JsonPointer.append(p, keyword),
                a == null ? null : JsonValue.of(a),
                b == null ? null : JsonValue.of(b),
                keyword + " " + (a == null ? "none" : a) + " → " + (b == null ? "none" : b));
    }

    private static long value(@Nullable Long value, long absent) {
        return value == null ? absent : value;
    }

    private void arrays(SchemaNode.Arrays a, SchemaNode.Arrays b, String p) {
        count("minItems", a.minItems(), b.minItems(), p, true, Kind.ARRAY_TIGHTENED, Kind.ARRAY_RELAXED);
        count("maxItems", a.maxItems(), b.maxItems(), p, false, Kind.ARRAY_TIGHTENED, Kind.ARRAY_RELAXED);
        if (a.uniqueItems() != b.uniqueItems()) {
            add(
                    b.uniqueItems() ? Kind.ARRAY_TIGHTENED : Kind.ARRAY_RELAXED,
                    JsonPointer.append(p, "uniqueItems"),
                    JsonValue.of(a.uniqueItems()),
                    JsonValue.of(b.uniqueItems()),
                    b.uniqueItems() ? "items must be unique now" : "items no longer need to be unique");
        }
        int positions = Math.max(a.prefixItems().size(), b.prefixItems().size());
        for (int i = 0; i < positions; i++) {
            items(a.itemAt(i), b.itemAt(i), JsonPointer.append(JsonPointer.append(p, "prefixItems"), i));
        }
        items(a.items(), b.items(), JsonPointer.append(p, "items"));
        if (!Objects.equals(a.contains(), b.contains())) {
            if (a.contains() == null || b.contains() == null) {
                add(
                        a.contains() == null ? Kind.ARRAY_TIGHTENED : Kind.ARRAY_RELAXED,
                        JsonPointer.append(p, "contains"),
                        a.contains() == null ? null : SchemaJson.render(a.contains()),
                        b.contains() == null ? null : SchemaJson.render(b.contains()),
                        a.contains() == null ? "contains added" : "contains removed");
            } else {
                node(a.contains(), b.contains(), JsonPointer.append(p, "contains"));
            }
        }
        count("minContains", a.minContains(), b.minContains(), p, true, Kind.ARRAY_TIGHTENED, Kind.ARRAY_RELAXED);
        count("maxContains", a.maxContains(), b.maxContains(), p, false, Kind.ARRAY_TIGHTENED, Kind.ARRAY_RELAXED);
    }

    /** Item schemas; {@code false} on either side is an array-length change, not a type change. */
    private void items(@Nullable SchemaNode a, @Nullable SchemaNode b, String p) {
        if (Objects.equals(a, b)) {
            if (a != null && b != null) {
                node(a, b, p);
            }
            return;
        }
        if (a instanceof SchemaNode.Never || b instanceof SchemaNode.Never) {
            boolean tighter = b instanceof SchemaNode.Never;
            add(
                    tighter ? Kind.ARRAY_TIGHTENED : Kind.ARRAY_RELAXED,
                    p,
                    SchemaJson.render(a),
                    SchemaJson.render(b),
                    tighter ? "no items allowed at this position any more" : "items allowed at this position now");
            return;
        }
        node(a, b, p);
    }

    // ---------------------------------------------------------------------------------------------- composition

    private void composition(SchemaNode.Shape a, SchemaNode.Shape b, String p) {
        SchemaNode.Composition ca = a.composition();
        SchemaNode.Composition cb = b.composition();
        conjuncts(a, b, p);
        if (!ca.union().isEmpty()) {
            unionKind(ca, cb, p);
            new UnionDiff(ca.union(), cb.union(), a, b, p, cb.anyOf().isEmpty() ? "oneOf" : "anyOf").run();
        }
        negation(a, b, p);
        if (!Objects.equals(ca.conditional(), cb.conditional())) {
            Kind kind = ca.conditional() == null
                    ? Kind.COMPOSITION_NARROWED
                    : cb.conditional() == null ? Kind.COMPOSITION_WIDENED : Kind.UNDECIDED;
            add(
                    kind,
                    JsonPointer.append(p, "if"),
                    null,
                    null,
                    ca.conditional() == null
                            ? "if/then/else added"
                            : cb.conditional() == null ? "if/then/else removed" : "if/then/else changed");
        }
    }

    private void conjuncts(SchemaNode.Shape a, SchemaNode.Shape b, String p) {
        List<SchemaNode> oldAll = a.composition().allOf();
        List<SchemaNode> newAll = b.composition().allOf();
        for (int i = 0; i < newAll.size(); i++) {
            SchemaNode conjunct = newAll.get(i);
            if (!oldAll.contains(conjunct) && implied(a, conjunct)) {
                continue;
            }
            if (!oldAll.contains(conjunct)) {
                add(
                        Kind.COMPOSITION_NARROWED,
                        JsonPointer.append(JsonPointer.append(p, "allOf"), i),
                        null,
                        SchemaJson.render(conjunct),
                        "allOf conjunct added");
            }
        }
        for (int i = 0; i < oldAll.size(); i++) {
            SchemaNode conjunct = oldAll.get(i);
            if (!newAll.contains(conjunct) && implied(b, conjunct)) {
                continue;
            }
            if (!newAll.contains(conjunct)) {
                add(
                        Kind.COMPOSITION_WIDENED,
                        JsonPointer.append(JsonPointer.append(p, "allOf"), i),
                        SchemaJson.render(conjunct),
                        null,
                        "allOf conjunct removed");
            }
        }
    }

    /** Whether {@code shape} already implies {@code conjunct}; counts the proof. */
    private boolean implied(SchemaNode.Shape shape, SchemaNode conjunct) {
        boolean yes = Inclusion.check(shape, conjunct) == Verdict.YES;
        proven += yes ? 1 : 0;
        return yes;
    }

    private void unionKind(SchemaNode.Composition a, SchemaNode.Composition b, String p) {
        boolean wasAny = !a.anyOf().isEmpty();
        boolean isAny = !b.anyOf().isEmpty();
        if (wasAny == isAny) {
            return;
        }
        List<SchemaNode> branches = isAny ? a.oneOf() : b.oneOf();
        if (Disjointness.pairwiseDisjoint(branches)) {
            proven++;
            return;
        }
        add(
                isAny ? Kind.COMPOSITION_WIDENED : Kind.COMPOSITION_NARROWED,
                JsonPointer.append(p, isAny ? "anyOf" : "oneOf"),
                JsonValue.of(wasAny ? "anyOf" : "oneOf"),
                JsonValue.of(isAny ? "anyOf" : "oneOf"),
                isAny
                        ? "oneOf became anyOf: values matching several branches are accepted now"
                        : "anyOf became oneOf: values matching several branches are rejected now");
    }

    private void negation(SchemaNode.Shape a, SchemaNode.Shape b, String p) {
        SchemaNode na = a.composition().not();
        SchemaNode nb = b.composition().not();
        if (Objects.equals(na, nb)) {
            return;
        }
        String at = JsonPointer.append(p, "not");
        JsonValue before = na == null ? null : SchemaJson.render(na);
        JsonValue after = nb == null ? null : SchemaJson.render(nb);
        if (na == null || nb == null) {
            boolean added = na == null;
            SchemaNode.Shape base = added ? a : b;
            if (Disjointness.disjoint(base, added ? nb : na)) {
                proven++;
            } else {
                add(
                        added ? Kind.COMPOSITION_NARROWED : Kind.COMPOSITION_WIDENED,
                        at,
                        before,
                        after,
                        added ? "not added" : "not removed");
            }
            return;
        }
        Verdict excludesMore = Inclusion.check(na, nb);
        Verdict excludesLess = Inclusion.check(nb, na);
        Kind kind = excludesMore == Verdict.YES
                ? Kind.COMPOSITION_NARROWED
                : excludesLess == Verdict.YES ? Kind.COMPOSITION_WIDENED : Kind.UNDECIDED;
        add(kind, at, before, after, "not changed");
    }

    // ---------------------------------------------------------------------------------------------- objects

    /** Property-level comparison of two object assertions. */
    private final class ObjectDiff {
        private final SchemaNode.Objects a;
        private final SchemaNode.Objects b;
        private final String p;

        ObjectDiff(SchemaNode.Objects a, SchemaNode.Objects b, String p) {
            this.a = a;
            this.b = b;
            this.p = p;
        }

        void run() {
            TreeSet<String> names = new TreeSet<>(a.properties().keySet());
            names.addAll(b.properties().keySet());
            for (String name : names) {
                property(name);
            }
            requiredOnly();
            additional(a.additional(), b.additional(), "additionalProperties");
            additional(a.unevaluatedProperties(), b.unevaluatedProperties(), "unevaluatedProperties");
            patternProperties();
            if (!Objects.equals(a.propertyNames(), b.propertyNames())) {
                additional(a.propertyNames(), b.propertyNames(), "propertyNames");
            }
            count(
                    "minProperties",
                    a.minProperties(),
                    b.minProperties(),
                    p,
                    true,
                    Kind.ADDITIONAL_RESTRICTED,
                    Kind.ADDITIONAL_RELAXED);
            count(
                    "maxProperties",
                    a.maxProperties(),
                    b.maxProperties(),
                    p,
                    false,
                    Kind.ADDITIONAL_RESTRICTED,
                    Kind.ADDITIONAL_RELAXED);
            dependentRequired();
            dependentSchemas();
        }

        private void property(String name) {
            String at = JsonPointer.append(JsonPointer.append(p, "properties"), name);
            SchemaNode before = a.properties().get(name);
            SchemaNode after = b.properties().get(name);
            if (before != null && after != null) {
                node(before, after, at);
                requiredness(name, at);
            } else if (after != null) {
                EnumSet<Delta.Flag> flags = EnumSet.noneOf(Delta.Flag.class);
                if (b.required().contains(name)) {
                    flags.add(Delta.Flag.REQUIRED);
                }
                if (a.closed()) {
                    flags.add(Delta.Flag.CLOSED);
                }
                add(
                        Kind.PROPERTY_ADDED,
                        at,
                        null,
                        SchemaJson.render(after),
                        (flags.contains(Delta.Flag.REQUIRED) ? "required" : "optional") + " property '" + name
                                + "' added",
                        flags);
            } else {
                removed(name, at, Objects.requireNonNull(before));
            }
        }

        private void removed(String name, String at, SchemaNode before) {
            EnumSet<Delta.Flag> flags = EnumSet.noneOf(Delta.Flag.class);
            if (a.required().contains(name)) {
                flags.add(Delta.Flag.REQUIRED);
            }
            SchemaNode stillAccepted = Inclusion.propertySchema(b, name);
            boolean patterns = !b.patternProperties().isEmpty();
            if (!patterns && Inclusion.check(before, stillAccepted) != Verdict.YES) {
                flags.add(Delta.Flag.CLOSED);
            }
            add(
                    Kind.PROPERTY_REMOVED,
                    at,
                    SchemaJson.render(before),
                    null,
                    (flags.contains(Delta.Flag.REQUIRED) ? "required" : "optional") + " property '" + name + "' removed"
                            + (flags.contains(Delta.Flag.CLOSED) ? " from a closed object" : ""),
                    flags);
        }

        private void requiredness(String name, String at) {
            boolean was = a.required().contains(name);
            boolean is = b.required().contains(name);
            if (was != is) {
                add(
                        is ? Kind.BECAME_REQUIRED : Kind.BECAME_OPTIONAL,
                        at,
                        JsonValue.of(was),
                        JsonValue.of(is),
                        "property '" + name + "' became " + (is ? "required" : "optional"));
            }
        }

        /** Names required without being declared as properties on either side. */
        private void requiredOnly() {
            Set<String> declared = new LinkedHashSet<>(a.properties().keySet());
            declared.addAll(b.properties().keySet());
            for (String name : union(a.required(), b.required())) {
                if (declared.contains(name)) {
                    continue;
                }
                boolean was = a.required().contains(name);
                boolean is = b.required().contains(name);
                if (was != is) {
                    add(
                            is ? Kind.BECAME_REQUIRED : Kind.BECAME_OPTIONAL,
                            JsonPointer.append(JsonPointer.append(p, "properties"), name),
                            JsonValue.of(was),
                            JsonValue.of(is),
                            "property '" + name + "' became " + (is ? "required" : "optional"));
                }
            }
        }

        private void additional(@Nullable SchemaNode x, @Nullable SchemaNode y, String keyword) {
            if (Objects.equals(x, y)) {
                if (x != null && y != null) {
                    node(x, y, JsonPointer.append(p, keyword));
                }
                return;
            }
            String at = JsonPointer.append(p, keyword);
            boolean xOpen = x == null;
            boolean yOpen = y == null;
            if (xOpen || yOpen || x instanceof SchemaNode.Never || y instanceof SchemaNode.Never) {
                boolean restricted = xOpen || (y instanceof SchemaNode.Never);
                add(
                        restricted ? Kind.ADDITIONAL_RESTRICTED : Kind.ADDITIONAL_RELAXED,
                        at,
                        SchemaJson.render(x),
                        SchemaJson.render(y),
                        keyword + " " + (restricted ? "restricted" : "relaxed"));
                return;
            }
            node(x, y, at);
        }

        private void patternProperties() {
            for (String pattern :
                    union(a.patternProperties().keySet(), b.patternProperties().keySet())) {
                SchemaNode x = a.patternProperties().get(pattern);
                SchemaNode y = b.patternProperties().get(pattern);
                String at = JsonPointer.append(JsonPointer.append(p, "patternProperties"), pattern);
                if (x == null || y == null) {
                    add(
                            x == null ? Kind.ADDITIONAL_RESTRICTED : Kind.ADDITIONAL_RELAXED,
                            at,
                            x == null ? null : SchemaJson.render(x),
                            y == null ? null : SchemaJson.render(y),
                            "patternProperties " + pattern + (x == null ? " added" : " removed"));
                } else {
                    node(x, y, at);
                }
            }
        }

        private void dependentRequired() {
            for (String name :
                    union(a.dependentRequired().keySet(), b.dependentRequired().keySet())) {
                SortedSet<String> x = a.dependentRequired().getOrDefault(name, new TreeSet<>());
                SortedSet<String> y = b.dependentRequired().getOrDefault(name, new TreeSet<>());
                String at = JsonPointer.append(JsonPointer.append(p, "dependentRequired"), name);
                if (!x.containsAll(y)) {
                    add(
                            Kind.BECAME_REQUIRED,
                            at,
                            JsonValue.strings(List.copyOf(x)),
                            JsonValue.strings(List.copyOf(y)),
                            "more properties required when '" + name + "' is present");
                }
                if (!y.containsAll(x)) {
                    add(
                            Kind.BECAME_OPTIONAL,
                            at,
                            JsonValue.strings(List.copyOf(x)),
                            JsonValue.strings(List.copyOf(y)),
                            "fewer properties required when '" + name + "' is present");
                }
            }
        }

        private void dependentSchemas() {
            for (String name :
                    union(a.dependentSchemas().keySet(), b.dependentSchemas().keySet())) {
                SchemaNode x = a.dependentSchemas().get(name);
                SchemaNode y = b.dependentSchemas().get(name);
                String at = JsonPointer.append(JsonPointer.append(p, "dependentSchemas"), name);
                if (x == null || y == null) {
                    add(
                            x == null ? Kind.COMPOSITION_NARROWED : Kind.COMPOSITION_WIDENED,
                            at,
                            x == null ? null : SchemaJson.render(x),
                            y == null ? null : SchemaJson.render(y),
                            "dependent schema for '" + name + "'" + (x == null ? " added" : " removed"));
                } else {
                    node(x, y, at);
                }
            }
        }
    }

    private static TreeSet<String> union(Set<String> a, Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    // ---------------------------------------------------------------------------------------------- unions

    /** Pairs union branches (equal, same discriminator, similar) and diffs pairs; unpaired are added/removed. */
    private final class UnionDiff {
        private final List<SchemaNode> before;
        private final List<SchemaNode> after;
        private final SchemaNode.Shape oldShape;
        private final SchemaNode.Shape newShape;
        private final String p;
        private final String keyword;
        private final int[] pairOfOld;
        private final boolean[] pairedNew;

        UnionDiff(
                List<SchemaNode> before,
                List<SchemaNode> after,
                SchemaNode.Shape oldShape,
                SchemaNode.Shape newShape,
                String p,
                String keyword) {
            this.before = before;
            this.after = after;
            this.oldShape = oldShape;
            this.newShape = newShape;
            this.p = p;
            this.keyword = keyword;
            this.pairOfOld = new int[before.size()];
            this.pairedNew = new boolean[after.size()];
            java.util.Arrays.fill(pairOfOld, -1);
        }

        void run() {
            pair((x, y) -> x.equals(y));
            pair(UnionDiff::sameDiscriminator);
            pair(UnionDiff::similar);
            for (int i = 0; i < before.size(); i++) {
                int j = pairOfOld[i];
                if (j >= 0) {
                    node(before.get(i), after.get(j), JsonPointer.append(JsonPointer.append(p, keyword), j));
                } else {
                    removedBranch(i);
                }
            }
            for (int j = 0; j < after.size(); j++) {
                if (!pairedNew[j]) {
                    addedBranch(j);
                }
            }
            overlaps();
        }

        /**
         * In a {@code oneOf} whose branches may overlap, any branch edit can make a value match two branches (now
         * rejected) or only one (now accepted): undecided in that direction, never silently compatible.
         */
        private void overlaps() {
            // Multisets, not sets: a duplicated oneOf branch makes every value it matches match twice (rejected).
            boolean changed = !multiset(before).equals(multiset(after));
            if (!changed) {
                return;
            }
            String at = JsonPointer.append(p, "oneOf");
            if (!newShape.composition().oneOf().isEmpty() && !Disjointness.pairwiseDisjoint(after)) {
                add(
                        Kind.MAYBE_NARROWED,
                        at,
                        null,
                        null,
                        "oneOf branches changed and may overlap: values matching two branches are rejected");
            }
            if (!oldShape.composition().oneOf().isEmpty() && !Disjointness.pairwiseDisjoint(before)) {
                add(
                        Kind.MAYBE_WIDENED,
                        at,
                        null,
                        null,
                        "oneOf branches changed and may have overlapped: values that matched two branches may pass now");
            }
        }

        private boolean anyOf() {
            return keyword.equals("anyOf");
        }

        private static Map<SchemaNode, Integer> multiset(List<SchemaNode> branches) {
            Map<SchemaNode, Integer> counts = new java.util.HashMap<>();
            branches.forEach(branch -> counts.merge(branch, 1, Integer::sum));
            return counts;
        }

        private void pair(java.util.function.BiPredicate<SchemaNode, SchemaNode> matches) {
            for (int i = 0; i < before.size(); i++) {
                for (int j = 0; j < after.size() && pairOfOld[i] < 0; j++) {
                    if (!pairedNew[j] && matches.test(before.get(i), after.get(j))) {
                        pairOfOld[i] = j;
                        pairedNew[j] = true;
                    }
                }
            }
        }

        private void removedBranch(int i) {
            SchemaNode branch = before.get(i);
            if (anyOf() && Inclusion.check(branch, newShape) == Verdict.YES) {
                proven++;
                return;
            }
            add(
                    Kind.COMPOSITION_NARROWED,
                    JsonPointer.append(JsonPointer.append(p, keyword), i),
                    SchemaJson.render(branch),
                    null,
                    keyword + " branch removed");
        }

        private void addedBranch(int j) {
            SchemaNode branch = after.get(j);
            if (anyOf() && Inclusion.check(branch, oldShape) == Verdict.YES) {
                proven++;
                return;
            }
            int twin = anyOf() || branch instanceof SchemaNode.Never ? -1 : after.indexOf(branch);
            if (twin >= 0 && twin != j) {
                add(
                        Kind.COMPOSITION_NARROWED,
                        JsonPointer.append(JsonPointer.append(p, keyword), j),
                        null,
                        SchemaJson.render(branch),
                        "oneOf branch added that repeats branch " + twin
                                + ": values matching it match two branches and are rejected");
                return;
            }
            add(
                    Kind.COMPOSITION_WIDENED,
                    JsonPointer.append(JsonPointer.append(p, keyword), j),
                    null,
                    SchemaJson.render(branch),
                    keyword + " branch added");
        }

        /** Both pin the same required property to different constants: different variants of a tagged union. */
        private static boolean clashingDiscriminators(SchemaNode.Shape a, SchemaNode.Shape b) {
            for (String name : a.objects().required()) {
                JsonValue left = Disjointness.constant(a.objects().properties().get(name));
                JsonValue right = Disjointness.constant(b.objects().properties().get(name));
                if (left != null && right != null && b.objects().required().contains(name) && !left.equals(right)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean sameDiscriminator(SchemaNode x, SchemaNode y) {
            if (!(x instanceof SchemaNode.Shape a) || !(y instanceof SchemaNode.Shape b)) {
                return false;
            }
            for (String name : a.objects().required()) {
                JsonValue left = Disjointness.constant(a.objects().properties().get(name));
                if (left != null
                        && b.objects().required().contains(name)
                        && left.equals(
                                Disjointness.constant(b.objects().properties().get(name)))) {
                    return true;
                }
            }
            return false;
        }

        private static boolean similar(SchemaNode x, SchemaNode y) {
            if (!(x instanceof SchemaNode.Shape a)
                    || !(y instanceof SchemaNode.Shape b)
                    || !a.types().equals(b.types())
                    || clashingDiscriminators(a, b)) {
                return false;
            }
            Set<String> left = a.objects().properties().keySet();
            Set<String> right = b.objects().properties().keySet();
            if (left.isEmpty() && right.isEmpty()) {
                return a.types().size() == 1;
            }
            long common = left.stream().filter(right::contains).count();
            return common * 2 >= Math.max(left.size(), right.size());
        }
    }
}
