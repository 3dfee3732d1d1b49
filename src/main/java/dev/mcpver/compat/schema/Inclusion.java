package dev.mcpver.compat.schema;

import dev.mcpver.compat.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Subschema inclusion: is every value valid under {@code sub} also valid under {@code sup}? Answers {@link
 * Verdict#YES} only when proved and {@link Verdict#NO} only when a counterexample exists (assuming {@code sub} is
 * satisfiable), {@link Verdict#UNKNOWN} otherwise — after the approach of jsonsubschema (ISSTA 2021): canonical
 * forms, then type-by-type checks, unions split on the left.
 */
public final class Inclusion {
    private static final int MAX_DEPTH = 48;

    private Inclusion() {}

    public static Verdict check(@Nullable SchemaNode sub, @Nullable SchemaNode sup) {
        return check(sub, sup, 0);
    }

    static Verdict check(@Nullable SchemaNode sub, @Nullable SchemaNode sup, int depth) {
        if (Normalizer.isAny(sup) || sub instanceof SchemaNode.Never || Objects.equals(sub, sup)) {
            return Verdict.YES;
        }
        if (depth > MAX_DEPTH) {
            return Verdict.UNKNOWN;
        }
        SchemaNode left = sub == null ? SchemaNode.Shape.ANY : sub;
        if (sup instanceof SchemaNode.Never) {
            return Verdict.NO;
        }
        if (!(left instanceof SchemaNode.Shape a) || !(sup instanceof SchemaNode.Shape b)) {
            return Verdict.UNKNOWN;
        }
        return shapes(a, b, depth);
    }

    private static Verdict shapes(SchemaNode.Shape sub, SchemaNode.Shape sup, int depth) {
        SchemaNode.Composition left = sub.composition();
        if (!left.union().isEmpty()) {
            return eachBranch(sub, left.union(), sup, depth);
        }
        if (!left.allOf().isEmpty() || left.not() != null || left.conditional() != null) {
            return narrowerLeft(sub, sup, depth);
        }
        return againstComposedRight(sub, sup, depth);
    }

    /** A union on the left is included when every branch (with the shared keywords) is. */
    private static Verdict eachBranch(
            SchemaNode.Shape sub, List<SchemaNode> branches, SchemaNode.Shape sup, int depth) {
        SchemaNode.Shape base = sub.withComposition(new SchemaNode.Composition(
                sub.composition().allOf(),
                List.of(),
                List.of(),
                sub.composition().not(),
                sub.composition().conditional()));
        Verdict verdict = Verdict.YES;
        for (SchemaNode branch : branches) {
            SchemaNode piece = ShapeMerge.merge(base, branch).orElse(null);
            // base ∧ branch ⊆ branch: without a merged piece only a YES for the branch alone is conclusive
            Verdict v = piece != null ? check(piece, sup, depth + 1) : check(branch, sup, depth + 1);
            verdict = verdict.and(piece == null && v == Verdict.NO ? Verdict.UNKNOWN : v);
            if (verdict == Verdict.NO) {
                return verdict;
            }
        }
        return verdict;
    }

    /** {@code sub} is an intersection: it is included when one conjunct (or its base) already is. */
    private static Verdict narrowerLeft(SchemaNode.Shape sub, SchemaNode.Shape sup, int depth) {
        SchemaNode.Shape base = sub.withComposition(SchemaNode.Composition.NONE);
        if (check(base, sup, depth + 1) == Verdict.YES) {
            return Verdict.YES;
        }
        for (SchemaNode conjunct : sub.composition().allOf()) {
            SchemaNode piece = ShapeMerge.merge(base, conjunct).orElse(conjunct);
            if (check(piece, sup, depth + 1) == Verdict.YES) {
                return Verdict.YES;
            }
        }
        return Verdict.UNKNOWN;
    }

    private static Verdict againstComposedRight(SchemaNode.Shape sub, SchemaNode.Shape sup, int depth) {
        SchemaNode.Composition right = sup.composition();
        SchemaNode.Shape supBase = sup.withComposition(SchemaNode.Composition.NONE);
        Verdict verdict = plain(sub, supBase, depth);
        if (verdict == Verdict.NO || right.isEmpty()) {
            return verdict;
        }
        for (SchemaNode conjunct : right.allOf()) {
            verdict = verdict.and(check(sub, conjunct, depth + 1));
        }
        if (!right.anyOf().isEmpty()) {
            verdict = verdict.and(intoUnion(sub, right.anyOf(), depth));
        }
        if (!right.oneOf().isEmpty()) {
            verdict = verdict.and(intoExclusiveUnion(sub, right.oneOf(), depth));
        }
        if (right.not() != null) {
            verdict = verdict.and(Disjointness.disjoint(sub, right.not()) ? Verdict.YES : Verdict.UNKNOWN);
        }
        if (right.conditional() != null) {
            verdict = verdict.and(Verdict.UNKNOWN);
        }
        return verdict;
    }

    /** Included in a union if included in one branch; split by type when the value types spread over branches. */
    private static Verdict intoUnion(SchemaNode.Shape sub, List<SchemaNode> branches, int depth) {
        Verdict best = Verdict.NO;
        for (SchemaNode branch : branches) {
            best = best.or(check(sub, branch, depth + 1));
            if (best == Verdict.YES) {
                return best;
            }
        }
        Set<JsonType> types = sub.types();
        if (types.size() + (sub.nullable() ? 1 : 0) > 1) {
            Verdict split = Verdict.YES;
            for (SchemaNode.Shape piece : byType(sub)) {
                split = split.and(intoUnion(piece, branches, depth + 1));
            }
            return split;
        }
        return best == Verdict.NO && !coveredByType(sub, branches) ? Verdict.NO : Verdict.UNKNOWN;
    }

    /** Whether some branch accepts values of {@code sub}'s (single) type at all. */
    private static boolean coveredByType(SchemaNode.Shape sub, List<SchemaNode> branches) {
        for (SchemaNode branch : branches) {
            if (!(branch instanceof SchemaNode.Shape shape)
                    || !shape.composition().isEmpty()) {
                return true;
            }
            if (sub.nullable() && shape.nullable()) {
                return true;
            }
            if (sub.types().stream().anyMatch(shape::accepts)) {
                return true;
            }
        }
        return false;
    }

    private static Verdict intoExclusiveUnion(SchemaNode.Shape sub, List<SchemaNode> branches, int depth) {
        if (Disjointness.pairwiseDisjoint(branches)) {
            return intoUnion(sub, branches, depth);
        }
        for (int i = 0; i < branches.size(); i++) {
            if (check(sub, branches.get(i), depth + 1) == Verdict.YES && disjointFromOthers(sub, branches, i)) {
                return Verdict.YES;
            }
        }
        return Verdict.UNKNOWN;
    }

    private static boolean disjointFromOthers(SchemaNode.Shape sub, List<SchemaNode> branches, int index) {
        for (int j = 0; j < branches.size(); j++) {
            if (j != index && !Disjointness.disjoint(sub, branches.get(j))) {
                return false;
            }
        }
        return true;
    }

    private static List<SchemaNode.Shape> byType(SchemaNode.Shape shape) {
        java.util.ArrayList<SchemaNode.Shape> pieces = new java.util.ArrayList<>();
        for (JsonType type : shape.types()) {
            pieces.add(restrict(shape, Set.of(type), false));
        }
        if (shape.nullable()) {
            pieces.add(restrict(shape, Set.of(), true));
        }
        return pieces;
    }

    private static SchemaNode.Shape restrict(SchemaNode.Shape s, Set<JsonType> types, boolean nullable) {
        return new SchemaNode.Shape(
                types,
                nullable,
                s.enumValues(),
                s.numeric(),
                s.strings(),
                s.arrays(),
                s.objects(),
                s.composition(),
                s.annotations());
    }

    /** Both sides free of composition on the right: keyword by keyword, type by type. */
    private static Verdict plain(SchemaNode.Shape sub, SchemaNode.Shape sup, int depth) {
        if (sub.nullable() && !sup.nullable()) {
            return Verdict.NO;
        }
        if (sub.enumValues() != null) {
            return enumIncluded(sub.enumValues(), sup);
        }
        if (sup.enumValues() != null) {
            return finiteBooleans(sub, sup);
        }
        Verdict verdict = Verdict.YES;
        for (JsonType type : sub.types()) {
            if (!JsonType.covers(sup.types(), type)) {
                boolean integral = type == JsonType.NUMBER
                        && sup.types().contains(JsonType.INTEGER)
                        && integralMultiple(sub.numeric().multipleOf());
                if (!integral) {
                    return Verdict.NO;
                }
            }
            verdict = verdict.and(forType(type, sub, sup, depth));
            if (verdict == Verdict.NO) {
                return verdict;
            }
        }
        return verdict;
    }

    private static boolean integralMultiple(@Nullable BigDecimal multipleOf) {
        return multipleOf != null && multipleOf.stripTrailingZeros().scale() <= 0;
    }

    private static Verdict enumIncluded(List<JsonValue> values, SchemaNode.Shape sup) {
        Verdict verdict = Verdict.YES;
        for (JsonValue value : values) {
            verdict = verdict.and(Validator.accepts(sup, value));
        }
        return verdict;
    }

    /** Only booleans form a finite domain without an enum; anything else on the left has values outside an enum. */
    private static Verdict finiteBooleans(SchemaNode.Shape sub, SchemaNode.Shape sup) {
        if (sub.types().equals(Set.of(JsonType.BOOLEAN))) {
            return Verdict.of(
                    Objects.requireNonNull(sup.enumValues()).containsAll(List.of(JsonValue.TRUE, JsonValue.FALSE)));
        }
        return sub.types().isEmpty() ? Verdict.YES : Verdict.NO;
    }

    private static Verdict forType(JsonType type, SchemaNode.Shape sub, SchemaNode.Shape sup, int depth) {
        switch (type) {
            case NUMBER:
            case INTEGER:
                return numbers(sub.numeric(), sup.numeric());
            case STRING:
                return strings(sub.strings(), sup.strings());
            case ARRAY:
                return arrays(sub.arrays(), sup.arrays(), depth);
            case OBJECT:
                return objects(sub.objects(), sup.objects(), depth);
            default:
                return Verdict.YES;
        }
    }

    private static Verdict numbers(SchemaNode.Numeric sub, SchemaNode.Numeric sup) {
        boolean ok = lowerWithin(sub.lower(), sup.lower()) && upperWithin(sub.upper(), sup.upper());
        if (sup.multipleOf() != null) {
            ok &= sub.multipleOf() != null
                    && sub.multipleOf().remainder(sup.multipleOf()).signum() == 0;
        }
        return Verdict.of(ok);
    }

    static boolean lowerWithin(SchemaNode.@Nullable Bound sub, SchemaNode.@Nullable Bound sup) {
        if (sup == null) {
            return true;
        }
        if (sub == null) {
            return false;
        }
        int cmp = sub.value().compareTo(sup.value());
        return cmp > 0 || (cmp == 0 && (sub.exclusive() || !sup.exclusive()));
    }

    static boolean upperWithin(SchemaNode.@Nullable Bound sub, SchemaNode.@Nullable Bound sup) {
        if (sup == null) {
            return true;
        }
        if (sub == null) {
            return false;
        }
        int cmp = sub.value().compareTo(sup.value());
        return cmp < 0 || (cmp == 0 && (sub.exclusive() || !sup.exclusive()));
    }

    private static Verdict strings(SchemaNode.Strings sub, SchemaNode.Strings sup) {
        boolean lengths = atLeast(sub.minLength(), sup.minLength()) && atMost(sub.maxLength(), sup.maxLength());
        if (!lengths) {
            return Verdict.NO;
        }
        Verdict verdict = Verdict.YES;
        if (sup.pattern() != null && !sup.pattern().equals(sub.pattern())) {
            verdict = sub.pattern() == null ? Verdict.NO : Verdict.UNKNOWN;
        }
        if (sup.format() != null && !sup.format().equals(sub.format())) {
            verdict = verdict.and(Verdict.UNKNOWN);
        }
        return verdict;
    }

    static boolean atLeast(@Nullable Long sub, @Nullable Long sup) {
        return sup == null || (sub != null && sub >= sup);
    }

    static boolean atMost(@Nullable Long sub, @Nullable Long sup) {
        return sup == null || (sub != null && sub <= sup);
    }

    private static Verdict arrays(SchemaNode.Arrays sub, SchemaNode.Arrays sup, int depth) {
        if (!atLeast(sub.minItems(), sup.minItems()) || !atMost(sub.maxItems(), sup.maxItems())) {
            return Verdict.NO;
        }
        if (sup.uniqueItems() && !sub.uniqueItems() && !atMost(sub.maxItems(), 1L)) {
            return Verdict.NO;
        }
        Verdict verdict = Verdict.YES;
        int positions = Math.max(sub.prefixItems().size(), sup.prefixItems().size());
        for (int i = 0; i <= positions && verdict != Verdict.NO; i++) {
            if (sub.maxItems() != null && i >= sub.maxItems()) {
                break;
            }
            verdict = verdict.and(check(sub.itemAt(i), sup.itemAt(i), depth + 1));
        }
        if (sup.contains() != null && !Objects.equals(sub.contains(), sup.contains())) {
            verdict = verdict.and(Verdict.UNKNOWN);
        }
        return verdict;
    }

    private static Verdict objects(SchemaNode.Objects sub, SchemaNode.Objects sup, int depth) {
        if (!atLeast(sub.minProperties(), sup.minProperties()) || !atMost(sub.maxProperties(), sup.maxProperties())) {
            return Verdict.NO;
        }
        Verdict verdict = required(sub, sup);
        if (verdict == Verdict.NO) {
            return verdict;
        }
        if (!sub.patternProperties().isEmpty() || !sup.patternProperties().isEmpty()) {
            verdict = verdict.and(
                    sub.patternProperties().equals(sup.patternProperties()) ? Verdict.YES : Verdict.UNKNOWN);
        }
        TreeSet<String> names = new TreeSet<>(sub.properties().keySet());
        names.addAll(sup.properties().keySet());
        for (String name : names) {
            SchemaNode subProperty = propertySchema(sub, name);
            if (subProperty instanceof SchemaNode.Never) {
                continue;
            }
            verdict = verdict.and(check(subProperty, propertySchema(sup, name), depth + 1));
            if (verdict == Verdict.NO) {
                return verdict;
            }
        }
        verdict = verdict.and(check(sub.additional(), sup.additional(), depth + 1));
        return verdict.and(objectExtras(sub, sup));
    }

    private static Verdict required(SchemaNode.Objects sub, SchemaNode.Objects sup) {
        for (String name : sup.required()) {
            if (!sub.required().contains(name)) {
                return Verdict.NO;
            }
        }
        for (Map.Entry<String, java.util.SortedSet<String>> rule :
                sup.dependentRequired().entrySet()) {
            java.util.SortedSet<String> mine = sub.dependentRequired().get(rule.getKey());
            boolean implied =
                    sub.required().containsAll(rule.getValue()) || (mine != null && mine.containsAll(rule.getValue()));
            if (!implied) {
                return Verdict.UNKNOWN;
            }
        }
        return Verdict.YES;
    }

    private static Verdict objectExtras(SchemaNode.Objects sub, SchemaNode.Objects sup) {
        boolean same = Objects.equals(sup.propertyNames(), sub.propertyNames()) || sup.propertyNames() == null;
        same &= sup.dependentSchemas().isEmpty() || sup.dependentSchemas().equals(sub.dependentSchemas());
        same &= sup.unevaluatedProperties() == null
                || Objects.equals(sup.unevaluatedProperties(), sub.unevaluatedProperties());
        return same ? Verdict.YES : Verdict.UNKNOWN;
    }

    /** The schema a property named {@code name} must satisfy; {@code null} = any. */
    static @Nullable SchemaNode propertySchema(SchemaNode.Objects objects, String name) {
        SchemaNode declared = objects.properties().get(name);
        return declared != null ? declared : objects.additional();
    }
}
