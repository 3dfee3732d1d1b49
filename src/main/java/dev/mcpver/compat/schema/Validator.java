package dev.mcpver.compat.schema;

import dev.mcpver.compat.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Validates one JSON value against a canonical schema, answering {@link Verdict#UNKNOWN} where the engine cannot be
 * sure (unknown nodes, recursive references, regular expressions Java cannot compile). Used to filter enum values,
 * to decide inclusion for enumerations and to prove branches disjoint.
 */
public final class Validator {
    private static final int MAX_DEPTH = 64;

    private Validator() {}

    public static Verdict accepts(@Nullable SchemaNode schema, JsonValue value) {
        return accepts(schema, value, 0);
    }

    static Verdict accepts(@Nullable SchemaNode schema, JsonValue value, int depth) {
        if (schema == null) {
            return Verdict.YES;
        }
        if (depth > MAX_DEPTH || schema instanceof SchemaNode.Unknown || schema instanceof SchemaNode.Recursive) {
            return Verdict.UNKNOWN;
        }
        if (schema instanceof SchemaNode.Never) {
            return Verdict.NO;
        }
        SchemaNode.Shape shape = (SchemaNode.Shape) schema;
        return shapeAccepts(shape, value, depth).and(compositionAccepts(shape.composition(), value, depth));
    }

    private static Verdict shapeAccepts(SchemaNode.Shape shape, JsonValue value, int depth) {
        if (value instanceof JsonValue.JNull) {
            return Verdict.of(shape.nullable());
        }
        if (!typeAllowed(shape.types(), value)) {
            return Verdict.NO;
        }
        if (shape.enumValues() != null) {
            return Verdict.of(shape.enumValues().contains(value));
        }
        if (value instanceof JsonValue.JNumber number) {
            return numberAccepts(shape.numeric(), number.value());
        }
        if (value instanceof JsonValue.JString string) {
            return stringAccepts(shape.strings(), string.value());
        }
        if (value instanceof JsonValue.JArray array) {
            return arrayAccepts(shape.arrays(), array.items(), depth);
        }
        if (value instanceof JsonValue.JObject object) {
            return objectAccepts(shape.objects(), object.members(), depth);
        }
        return Verdict.YES;
    }

    static boolean typeAllowed(java.util.Set<JsonType> types, JsonValue value) {
        if (value instanceof JsonValue.JNumber number) {
            return types.contains(JsonType.NUMBER) || (number.isIntegral() && types.contains(JsonType.INTEGER));
        }
        return JsonType.fromWire(value.typeName()).map(types::contains).orElse(false);
    }

    private static Verdict numberAccepts(SchemaNode.Numeric numeric, BigDecimal value) {
        boolean ok = above(numeric.lower(), value) && below(numeric.upper(), value);
        if (numeric.multipleOf() != null && numeric.multipleOf().signum() > 0) {
            ok &= value.remainder(numeric.multipleOf()).signum() == 0;
        }
        return Verdict.of(ok);
    }

    private static boolean above(SchemaNode.@Nullable Bound lower, BigDecimal value) {
        if (lower == null) {
            return true;
        }
        int cmp = value.compareTo(lower.value());
        return lower.exclusive() ? cmp > 0 : cmp >= 0;
    }

    private static boolean below(SchemaNode.@Nullable Bound upper, BigDecimal value) {
        if (upper == null) {
            return true;
        }
        int cmp = value.compareTo(upper.value());
        return upper.exclusive() ? cmp < 0 : cmp <= 0;
    }

    private static Verdict stringAccepts(SchemaNode.Strings strings, String value) {
        long length = value.codePointCount(0, value.length());
        if ((strings.minLength() != null && length < strings.minLength())
                || (strings.maxLength() != null && length > strings.maxLength())) {
            return Verdict.NO;
        }
        return strings.pattern() == null ? Verdict.YES : matches(strings.pattern(), value);
    }

    /** ECMA-262 patterns are unanchored; Java's dialect agrees on the common subset, otherwise UNKNOWN. */
    static Verdict matches(String pattern, String value) {
        try {
            return Verdict.of(Pattern.compile(pattern).matcher(value).find());
        } catch (PatternSyntaxException | StackOverflowError e) {
            return Verdict.UNKNOWN;
        }
    }

    private static Verdict arrayAccepts(SchemaNode.Arrays arrays, List<JsonValue> items, int depth) {
        if ((arrays.minItems() != null && items.size() < arrays.minItems())
                || (arrays.maxItems() != null && items.size() > arrays.maxItems())) {
            return Verdict.NO;
        }
        if (arrays.uniqueItems() && new HashSet<>(items).size() < items.size()) {
            return Verdict.NO;
        }
        Verdict verdict = Verdict.YES;
        for (int i = 0; i < items.size() && verdict != Verdict.NO; i++) {
            verdict = verdict.and(accepts(arrays.itemAt(i), items.get(i), depth + 1));
        }
        return arrays.contains() == null ? verdict : verdict.and(containsAccepts(arrays, items, depth));
    }

    private static Verdict containsAccepts(SchemaNode.Arrays arrays, List<JsonValue> items, int depth) {
        long yes = 0;
        boolean unknown = false;
        for (JsonValue item : items) {
            Verdict v = accepts(arrays.contains(), item, depth + 1);
            yes += v == Verdict.YES ? 1 : 0;
            unknown |= v == Verdict.UNKNOWN;
        }
        long min = arrays.minContains() == null ? 1 : arrays.minContains();
        boolean ok = yes >= min && (arrays.maxContains() == null || yes <= arrays.maxContains());
        return ok ? Verdict.YES : unknown ? Verdict.UNKNOWN : Verdict.NO;
    }

    private static Verdict objectAccepts(SchemaNode.Objects objects, Map<String, JsonValue> members, int depth) {
        if (!members.keySet().containsAll(objects.required())
                || (objects.minProperties() != null && members.size() < objects.minProperties())
                || (objects.maxProperties() != null && members.size() > objects.maxProperties())) {
            return Verdict.NO;
        }
        Verdict verdict = dependentRequired(objects, members.keySet());
        for (Map.Entry<String, JsonValue> member : members.entrySet()) {
            if (verdict == Verdict.NO) {
                return verdict;
            }
            verdict = verdict.and(memberAccepts(objects, member.getKey(), member.getValue(), depth));
        }
        if (objects.unevaluatedProperties() != null
                || !objects.dependentSchemas().isEmpty()) {
            verdict = verdict.and(Verdict.UNKNOWN);
        }
        return verdict;
    }

    private static Verdict dependentRequired(SchemaNode.Objects objects, Set<String> names) {
        for (Map.Entry<String, java.util.SortedSet<String>> rule :
                objects.dependentRequired().entrySet()) {
            if (names.contains(rule.getKey()) && !names.containsAll(rule.getValue())) {
                return Verdict.NO;
            }
        }
        return Verdict.YES;
    }

    private static Verdict memberAccepts(SchemaNode.Objects objects, String name, JsonValue value, int depth) {
        Verdict verdict = objects.propertyNames() == null
                ? Verdict.YES
                : accepts(objects.propertyNames(), new JsonValue.JString(name), depth + 1);
        boolean matched = false;
        SchemaNode declared = objects.properties().get(name);
        if (declared != null) {
            matched = true;
            verdict = verdict.and(accepts(declared, value, depth + 1));
        }
        for (Map.Entry<String, SchemaNode> pattern : objects.patternProperties().entrySet()) {
            Verdict m = matches(pattern.getKey(), name);
            if (m == Verdict.UNKNOWN) {
                return Verdict.UNKNOWN;
            }
            if (m == Verdict.YES) {
                matched = true;
                verdict = verdict.and(accepts(pattern.getValue(), value, depth + 1));
            }
        }
        return matched ? verdict : verdict.and(accepts(objects.additional(), value, depth + 1));
    }

    private static Verdict compositionAccepts(SchemaNode.Composition composition, JsonValue value, int depth) {
        Verdict verdict = Verdict.YES;
        for (SchemaNode conjunct : composition.allOf()) {
            verdict = verdict.and(accepts(conjunct, value, depth + 1));
        }
        if (!composition.anyOf().isEmpty()) {
            Verdict any = Verdict.NO;
            for (SchemaNode branch : composition.anyOf()) {
                any = any.or(accepts(branch, value, depth + 1));
            }
            verdict = verdict.and(any);
        }
        if (!composition.oneOf().isEmpty()) {
            verdict = verdict.and(exactlyOne(composition.oneOf(), value, depth));
        }
        if (composition.not() != null) {
            verdict = verdict.and(accepts(composition.not(), value, depth + 1).negate());
        }
        if (composition.conditional() != null) {
            verdict = verdict.and(conditional(composition.conditional(), value, depth));
        }
        return verdict;
    }

    private static Verdict exactlyOne(List<SchemaNode> branches, JsonValue value, int depth) {
        int yes = 0;
        boolean unknown = false;
        for (SchemaNode branch : branches) {
            Verdict v = accepts(branch, value, depth + 1);
            yes += v == Verdict.YES ? 1 : 0;
            unknown |= v == Verdict.UNKNOWN;
        }
        if (unknown) {
            return yes > 1 ? Verdict.NO : Verdict.UNKNOWN;
        }
        return Verdict.of(yes == 1);
    }

    private static Verdict conditional(SchemaNode.Conditional conditional, JsonValue value, int depth) {
        Verdict condition = accepts(conditional.condition(), value, depth + 1);
        if (condition == Verdict.UNKNOWN) {
            return Verdict.UNKNOWN;
        }
        SchemaNode next = condition == Verdict.YES ? conditional.then() : conditional.otherwise();
        return accepts(next, value, depth + 1);
    }

    /** The smallest integer ≥ value. */
    static BigDecimal ceil(BigDecimal value) {
        return value.setScale(0, RoundingMode.CEILING);
    }

    /** The largest integer ≤ value. */
    static BigDecimal floor(BigDecimal value) {
        return value.setScale(0, RoundingMode.FLOOR);
    }
}
