package dev.mcpver.compat.schema;

import dev.mcpver.compat.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The intersection of two schemas as one shape ({@code allOf} flattening). Answers empty when the conjunction cannot
 * be written as a single shape without changing its meaning (different patterns, two {@code anyOf}s, closed objects
 * with different property sets — {@code additionalProperties} only sees its own subschema's properties).
 */
final class ShapeMerge {
    private ShapeMerge() {}

    /** Marker for "cannot merge" inside the member-wise helpers. */
    private static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Conflict() {
            super(null, null, false, false);
        }
    }

    static Optional<SchemaNode> merge(SchemaNode a, SchemaNode b) {
        if (a instanceof SchemaNode.Never || b instanceof SchemaNode.Never) {
            return Optional.of(SchemaNode.Never.INSTANCE);
        }
        if (a.equals(b) && a instanceof SchemaNode.Shape sa && b instanceof SchemaNode.Shape sb) {
            return Optional.of(sa.withAnnotations(sa.annotations().orElse(sb.annotations())));
        }
        if (a.equals(b)) {
            return Optional.of(a);
        }
        if (!(a instanceof SchemaNode.Shape sa) || !(b instanceof SchemaNode.Shape sb)) {
            return Optional.empty();
        }
        if (sb.unconstrained()) {
            return Optional.of(sa.withAnnotations(sa.annotations().orElse(sb.annotations())));
        }
        if (sa.unconstrained()) {
            return Optional.of(sb.withAnnotations(sa.annotations().orElse(sb.annotations())));
        }
        try {
            return Optional.of(shapes(sa, sb));
        } catch (Conflict conflict) {
            return Optional.empty();
        }
    }

    private static SchemaNode.Shape shapes(SchemaNode.Shape a, SchemaNode.Shape b) {
        return new SchemaNode.Shape(
                JsonType.intersect(a.types(), b.types()),
                a.nullable() && b.nullable(),
                enums(a.enumValues(), b.enumValues()),
                numeric(a.numeric(), b.numeric()),
                strings(a.strings(), b.strings()),
                arrays(a.arrays(), b.arrays()),
                objects(a.objects(), b.objects()),
                composition(a.composition(), b.composition()),
                a.annotations().orElse(b.annotations()));
    }

    private static @Nullable List<JsonValue> enums(@Nullable List<JsonValue> a, @Nullable List<JsonValue> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.stream().filter(b::contains).toList();
    }

    private static SchemaNode.Numeric numeric(SchemaNode.Numeric a, SchemaNode.Numeric b) {
        return new SchemaNode.Numeric(
                tighter(a.lower(), b.lower(), 1), tighter(a.upper(), b.upper(), -1), multipleOf(a, b));
    }

    /** The tighter of two bounds; {@code sign} 1 for lower bounds (larger wins), -1 for upper bounds. */
    static SchemaNode.@Nullable Bound tighter(SchemaNode.@Nullable Bound a, SchemaNode.@Nullable Bound b, int sign) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        int cmp = a.value().compareTo(b.value()) * sign;
        if (cmp != 0) {
            return cmp > 0 ? a : b;
        }
        return a.exclusive() ? a : b;
    }

    private static @Nullable BigDecimal multipleOf(SchemaNode.Numeric a, SchemaNode.Numeric b) {
        BigDecimal x = a.multipleOf();
        BigDecimal y = b.multipleOf();
        if (x == null || y == null || x.compareTo(y) == 0) {
            return x == null ? y : x;
        }
        if (x.remainder(y).signum() == 0) {
            return x;
        }
        if (y.remainder(x).signum() == 0) {
            return y;
        }
        throw new Conflict();
    }

    private static SchemaNode.Strings strings(SchemaNode.Strings a, SchemaNode.Strings b) {
        return new SchemaNode.Strings(
                max(a.minLength(), b.minLength()),
                min(a.maxLength(), b.maxLength()),
                same(a.pattern(), b.pattern()),
                same(a.format(), b.format()));
    }

    private static SchemaNode.Arrays arrays(SchemaNode.Arrays a, SchemaNode.Arrays b) {
        int positions = Math.max(a.prefixItems().size(), b.prefixItems().size());
        List<SchemaNode> prefix = new ArrayList<>();
        for (int i = 0; i < positions; i++) {
            prefix.add(Objects.requireNonNull(optional(a.itemAt(i), b.itemAt(i), true)));
        }
        boolean sameContains = Objects.equals(a.contains(), b.contains());
        if (!sameContains && a.contains() != null && b.contains() != null) {
            throw new Conflict();
        }
        return new SchemaNode.Arrays(
                optional(a.items(), b.items(), false),
                prefix,
                max(a.minItems(), b.minItems()),
                min(a.maxItems(), b.maxItems()),
                a.uniqueItems() || b.uniqueItems(),
                a.contains() != null ? a.contains() : b.contains(),
                max(a.minContains(), b.minContains()),
                min(a.maxContains(), b.maxContains()));
    }

    private static SchemaNode.Objects objects(SchemaNode.Objects a, SchemaNode.Objects b) {
        boolean restricted = a.additional() != null
                || b.additional() != null
                || a.unevaluatedProperties() != null
                || b.unevaluatedProperties() != null;
        if (restricted && !a.properties().keySet().equals(b.properties().keySet())) {
            throw new Conflict();
        }
        if (!a.patternProperties().isEmpty()
                && !b.patternProperties().isEmpty()
                && !a.patternProperties().equals(b.patternProperties())) {
            throw new Conflict();
        }
        TreeSet<String> required = new TreeSet<>(a.required());
        required.addAll(b.required());
        return new SchemaNode.Objects(
                mapMerge(a.properties(), b.properties()),
                required,
                optional(a.additional(), b.additional(), false),
                a.patternProperties().isEmpty() ? b.patternProperties() : a.patternProperties(),
                optional(a.propertyNames(), b.propertyNames(), false),
                max(a.minProperties(), b.minProperties()),
                min(a.maxProperties(), b.maxProperties()),
                dependentRequired(a, b),
                mapMerge(a.dependentSchemas(), b.dependentSchemas()),
                optional(a.unevaluatedProperties(), b.unevaluatedProperties(), false));
    }

    private static TreeMap<String, SortedSet<String>> dependentRequired(SchemaNode.Objects a, SchemaNode.Objects b) {
        TreeMap<String, SortedSet<String>> result = new TreeMap<>(a.dependentRequired());
        for (Map.Entry<String, SortedSet<String>> entry : b.dependentRequired().entrySet()) {
            TreeSet<String> names = new TreeSet<>(entry.getValue());
            names.addAll(result.getOrDefault(entry.getKey(), new TreeSet<>()));
            result.put(entry.getKey(), names);
        }
        return result;
    }

    private static TreeMap<String, SchemaNode> mapMerge(Map<String, SchemaNode> a, Map<String, SchemaNode> b) {
        TreeMap<String, SchemaNode> result = new TreeMap<>(a);
        for (Map.Entry<String, SchemaNode> entry : b.entrySet()) {
            SchemaNode existing = result.get(entry.getKey());
            result.put(
                    entry.getKey(),
                    existing == null
                            ? entry.getValue()
                            : Objects.requireNonNull(optional(existing, entry.getValue(), true)));
        }
        return result;
    }

    /** Merge of two optional subschemas where {@code null} means "any". */
    private static @Nullable SchemaNode optional(@Nullable SchemaNode a, @Nullable SchemaNode b, boolean required) {
        if (a == null || b == null) {
            SchemaNode present = a == null ? b : a;
            return present == null && required ? SchemaNode.Shape.ANY : present;
        }
        return merge(a, b).orElseThrow(Conflict::new);
    }

    private static SchemaNode.Composition composition(SchemaNode.Composition a, SchemaNode.Composition b) {
        List<SchemaNode> allOf = new ArrayList<>(a.allOf());
        allOf.addAll(b.allOf());
        return new SchemaNode.Composition(
                allOf,
                either(a.anyOf(), b.anyOf()),
                either(a.oneOf(), b.oneOf()),
                eitherNode(a.not(), b.not()),
                a.conditional() == null ? b.conditional() : onlyOne(a.conditional(), b.conditional()));
    }

    private static List<SchemaNode> either(List<SchemaNode> a, List<SchemaNode> b) {
        if (!a.isEmpty() && !b.isEmpty() && !a.equals(b)) {
            throw new Conflict();
        }
        return a.isEmpty() ? b : a;
    }

    private static @Nullable SchemaNode eitherNode(@Nullable SchemaNode a, @Nullable SchemaNode b) {
        if (a != null && b != null && !a.equals(b)) {
            throw new Conflict();
        }
        return a == null ? b : a;
    }

    private static SchemaNode.Conditional onlyOne(SchemaNode.Conditional a, SchemaNode.@Nullable Conditional b) {
        if (b != null && !a.equals(b)) {
            throw new Conflict();
        }
        return a;
    }

    private static @Nullable String same(@Nullable String a, @Nullable String b) {
        if (a != null && b != null && !a.equals(b)) {
            throw new Conflict();
        }
        return a == null ? b : a;
    }

    private static @Nullable Long max(@Nullable Long a, @Nullable Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
    }

    private static @Nullable Long min(@Nullable Long a, @Nullable Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
    }
}
