package dev.mcpver.compat.schema;

import dev.mcpver.compat.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Brings a freshly built or merged shape into normal form, so that representation-only differences disappear:
 * keywords of types the schema does not allow are dropped, enumerations decide the type and nullability, integer
 * bounds are made inclusive, zod's safe-integer bounds removed, {@code null} branches of unions become nullability,
 * single-branch unions and mergeable {@code allOf} conjuncts are folded in.
 */
final class Normalizer {
    /** 2^53 − 1: zod's {@code .int()} emits it as a bound; no exactly-representable integer lies beyond it. */
    static final BigDecimal SAFE_INTEGER = BigDecimal.valueOf(9_007_199_254_740_991L);

    private static final BigDecimal DOUBLE_MAX = new BigDecimal(Double.MAX_VALUE);
    private static final int PASSES = 4;

    private Normalizer() {}

    static SchemaNode normalize(SchemaNode.Shape shape) {
        if (shape.composition().isEmpty() && shape.enumValues() == null) {
            // without composition or enum one pass reaches the fixed point
            return once(shape);
        }
        SchemaNode current = shape;
        for (int pass = 0; pass < PASSES && current instanceof SchemaNode.Shape s; pass++) {
            SchemaNode next = once(s);
            if (next.equals(current) && annotationsEqual(next, current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    private static boolean annotationsEqual(SchemaNode a, SchemaNode b) {
        return SchemaNode.annotationsOf(a).equals(SchemaNode.annotationsOf(b));
    }

    private static SchemaNode once(SchemaNode.Shape shape) {
        SchemaNode.Shape s = enumerations(shape);
        s = dropForeignKeywords(s);
        s = integerBounds(s);
        if (s.types().isEmpty() && !s.nullable()) {
            return new SchemaNode.Never(s.annotations());
        }
        return composition(s);
    }

    /** Enum values outside the other assertions are unreachable; the rest decide type and nullability. */
    private static SchemaNode.Shape enumerations(SchemaNode.Shape s) {
        List<JsonValue> values = s.enumValues();
        if (values == null) {
            return s;
        }
        SchemaNode.Shape without = new SchemaNode.Shape(
                s.types(),
                s.nullable(),
                null,
                s.numeric(),
                s.strings(),
                s.arrays(),
                s.objects(),
                SchemaNode.Composition.NONE,
                s.annotations());
        List<JsonValue> kept = new ArrayList<>();
        boolean allProved = true;
        for (JsonValue value : values) {
            Verdict verdict = Validator.accepts(without, value);
            if (verdict != Verdict.NO) {
                kept.add(value);
            }
            allProved &= verdict != Verdict.UNKNOWN;
        }
        EnumSet<JsonType> types = EnumSet.noneOf(JsonType.class);
        kept.forEach(value -> types.add(typeOf(value)));
        Set<JsonType> narrowed = JsonType.intersect(s.types(), JsonType.normalize(types));
        if (!allProved) {
            return new SchemaNode.Shape(
                    narrowed,
                    s.nullable(),
                    kept,
                    s.numeric(),
                    s.strings(),
                    s.arrays(),
                    s.objects(),
                    s.composition(),
                    s.annotations());
        }
        return new SchemaNode.Shape(
                narrowed,
                s.nullable(),
                kept,
                SchemaNode.Numeric.NONE,
                SchemaNode.Strings.NONE,
                SchemaNode.Arrays.NONE,
                SchemaNode.Objects.NONE,
                s.composition(),
                s.annotations());
    }

    static JsonType typeOf(JsonValue value) {
        return JsonType.fromWire(value.typeName()).orElse(JsonType.STRING);
    }

    private static SchemaNode.Shape dropForeignKeywords(SchemaNode.Shape s) {
        boolean numbers = s.accepts(JsonType.NUMBER) || s.accepts(JsonType.INTEGER);
        return new SchemaNode.Shape(
                s.types(),
                s.nullable(),
                s.enumValues(),
                numbers ? s.numeric() : SchemaNode.Numeric.NONE,
                s.accepts(JsonType.STRING) ? s.strings() : SchemaNode.Strings.NONE,
                s.accepts(JsonType.ARRAY) ? s.arrays() : SchemaNode.Arrays.NONE,
                s.accepts(JsonType.OBJECT) ? s.objects() : SchemaNode.Objects.NONE,
                s.composition(),
                s.annotations());
    }

    /** Integer-only schemas: inclusive integral bounds, no divisor of 1, zod's ±(2^53−1) removed. */
    private static SchemaNode.Shape integerBounds(SchemaNode.Shape s) {
        SchemaNode.Numeric n = s.numeric();
        if (n.isEmpty()) {
            return s;
        }
        boolean integersOnly = s.types().equals(Set.of(JsonType.INTEGER));
        SchemaNode.Bound lower = n.lower();
        SchemaNode.Bound upper = n.upper();
        boolean unbounded = false;
        if (lower != null && unboundedLower(lower.value(), integersOnly)) {
            lower = null;
            unbounded = true;
        }
        if (upper != null && unboundedUpper(upper.value(), integersOnly)) {
            upper = null;
            unbounded = true;
        }
        BigDecimal multipleOf = n.multipleOf();
        if (integersOnly) {
            lower = lower == null ? null : integralLower(lower);
            upper = upper == null ? null : integralUpper(upper);
            multipleOf =
                    multipleOf != null && BigDecimal.ONE.remainder(multipleOf).signum() == 0 ? null : multipleOf;
        }
        SchemaNode.Numeric numeric = new SchemaNode.Numeric(lower, upper, multipleOf);
        SchemaNode.Annotations annotations = unbounded ? s.annotations().withUnboundedBound() : s.annotations();
        return new SchemaNode.Shape(
                s.types(),
                s.nullable(),
                s.enumValues(),
                numeric,
                s.strings(),
                s.arrays(),
                s.objects(),
                s.composition(),
                annotations);
    }

    private static boolean unboundedLower(BigDecimal value, boolean integersOnly) {
        BigDecimal limit = integersOnly ? SAFE_INTEGER.negate() : DOUBLE_MAX.negate();
        return value.compareTo(limit) <= 0;
    }

    private static boolean unboundedUpper(BigDecimal value, boolean integersOnly) {
        BigDecimal limit = integersOnly ? SAFE_INTEGER : DOUBLE_MAX;
        return value.compareTo(limit) >= 0;
    }

    private static SchemaNode.Bound integralLower(SchemaNode.Bound bound) {
        BigDecimal value = bound.value();
        BigDecimal ceil = Validator.ceil(value);
        if (bound.exclusive() && ceil.compareTo(value) == 0) {
            ceil = ceil.add(BigDecimal.ONE);
        }
        return new SchemaNode.Bound(ceil, false);
    }

    private static SchemaNode.Bound integralUpper(SchemaNode.Bound bound) {
        BigDecimal value = bound.value();
        BigDecimal floor = Validator.floor(value);
        if (bound.exclusive() && floor.compareTo(value) == 0) {
            floor = floor.subtract(BigDecimal.ONE);
        }
        return new SchemaNode.Bound(floor, false);
    }

    private static SchemaNode composition(SchemaNode.Shape s) {
        SchemaNode.Composition c = s.composition();
        if (c.isEmpty()) {
            return s;
        }
        SchemaNode current = s.withComposition(SchemaNode.Composition.NONE);
        List<SchemaNode> keptAllOf = new ArrayList<>();
        for (SchemaNode conjunct : c.allOf()) {
            Optional<SchemaNode> merged = ShapeMerge.merge(current, conjunct);
            if (merged.isPresent()) {
                current = merged.get();
            } else {
                keptAllOf.add(conjunct);
            }
        }
        if (c.not() != null && isAny(c.not())) {
            return new SchemaNode.Never(s.annotations());
        }
        Union anyOf = fold(c.anyOf(), false);
        Union oneOf = fold(c.oneOf(), true);
        if (anyOf.never() || oneOf.never()) {
            return new SchemaNode.Never(s.annotations());
        }
        SchemaNode not = c.not() instanceof SchemaNode.Never ? null : c.not();
        SchemaNode.Composition rest =
                new SchemaNode.Composition(keptAllOf, anyOf.branches(), oneOf.branches(), not, c.conditional());
        return unionsInOnePlace(attach(current, rest, s.annotations()));
    }

    /**
     * When a shape carries several unions (its own plus some inside {@code allOf}), which one ended up "own" depends
     * on merge order; moving them all into {@code allOf} makes the form independent of it.
     */
    private static SchemaNode unionsInOnePlace(SchemaNode node) {
        if (!(node instanceof SchemaNode.Shape shape)) {
            return node;
        }
        SchemaNode.Composition c = shape.composition();
        boolean nestedUnion = c.allOf().stream().anyMatch(Normalizer::pureUnion);
        if (!nestedUnion || (c.anyOf().isEmpty() && c.oneOf().isEmpty())) {
            return node;
        }
        List<SchemaNode> allOf = new ArrayList<>(c.allOf());
        if (!c.anyOf().isEmpty()) {
            allOf.add(unionNode(c.anyOf(), false));
        }
        if (!c.oneOf().isEmpty()) {
            allOf.add(unionNode(c.oneOf(), true));
        }
        return shape.withComposition(new SchemaNode.Composition(allOf, List.of(), List.of(), c.not(), c.conditional()));
    }

    private static boolean pureUnion(SchemaNode node) {
        return node instanceof SchemaNode.Shape s
                && s.withComposition(SchemaNode.Composition.NONE).unconstrained()
                && !s.composition().union().isEmpty();
    }

    /** Adds the unfolded composition to the merged base, folding single-branch unions in when possible. */
    private static SchemaNode attach(SchemaNode base, SchemaNode.Composition rest, SchemaNode.Annotations outer) {
        if (!(base instanceof SchemaNode.Shape shape)) {
            return base;
        }
        SchemaNode result = shape.withComposition(new SchemaNode.Composition(
                merged(shape.composition().allOf(), rest.allOf()),
                shape.composition().anyOf(),
                shape.composition().oneOf(),
                shape.composition().not(),
                shape.composition().conditional()));
        result = addUnion(result, rest.anyOf(), false);
        result = addUnion(result, rest.oneOf(), true);
        if (result instanceof SchemaNode.Shape merged) {
            SchemaNode.Composition now = merged.composition();
            SchemaNode.Composition full = new SchemaNode.Composition(
                    now.allOf(),
                    now.anyOf(),
                    now.oneOf(),
                    now.not() != null ? now.not() : rest.not(),
                    now.conditional() != null ? now.conditional() : rest.conditional());
            return merged.withComposition(full).withAnnotations(outer.orElse(merged.annotations()));
        }
        return result;
    }

    private static SchemaNode addUnion(SchemaNode base, List<SchemaNode> branches, boolean oneOf) {
        if (branches.isEmpty() || !(base instanceof SchemaNode.Shape shape)) {
            return base;
        }
        if (branches.size() == 1) {
            Optional<SchemaNode> merged = ShapeMerge.merge(shape, branches.get(0));
            if (merged.isPresent()) {
                return merged.get();
            }
        }
        SchemaNode.Composition now = shape.composition();
        if (!(oneOf ? now.oneOf() : now.anyOf()).isEmpty()) {
            List<SchemaNode> allOf = merged(now.allOf(), List.of(unionNode(branches, oneOf)));
            return shape.withComposition(
                    new SchemaNode.Composition(allOf, now.anyOf(), now.oneOf(), now.not(), now.conditional()));
        }
        return shape.withComposition(new SchemaNode.Composition(
                now.allOf(),
                oneOf ? now.anyOf() : branches,
                oneOf ? branches : now.oneOf(),
                now.not(),
                now.conditional()));
    }

    private static SchemaNode unionNode(List<SchemaNode> branches, boolean oneOf) {
        SchemaNode.Composition union = new SchemaNode.Composition(
                List.of(), oneOf ? List.of() : branches, oneOf ? branches : List.of(), null, null);
        return SchemaNode.Shape.ANY.withComposition(union);
    }

    /**
     * A union after simplification.
     *
     * @param branches the remaining branches; empty when the union constrains nothing
     * @param never no branch can match
     */
    private record Union(List<SchemaNode> branches, boolean never) {}

    private static Union fold(List<SchemaNode> raw, boolean oneOf) {
        if (raw.isEmpty()) {
            return new Union(List.of(), false);
        }
        if (oneOf && Disjointness.pairwiseDisjoint(raw)) {
            // no value can match two branches: oneOf means anyOf
            return fold(raw, false);
        }
        List<SchemaNode> branches = new ArrayList<>();
        boolean nullBranch = false;
        for (SchemaNode branch : flatten(raw, oneOf)) {
            if (isPureNull(branch)) {
                nullBranch = true;
            } else if (!(branch instanceof SchemaNode.Never)) {
                branches.add(branch);
            }
        }
        if (!oneOf && branches.stream().anyMatch(Normalizer::isAny)) {
            return new Union(List.of(), false);
        }
        if (nullBranch && oneOf && branches.stream().anyMatch(Normalizer::acceptsNull)) {
            return new Union(raw, false);
        }
        if (branches.isEmpty()) {
            return nullBranch ? new Union(List.of(nullOnly()), false) : new Union(List.of(), true);
        }
        if (!oneOf && branches.size() > 1 && branches.stream().allMatch(Normalizer::typeOnly)) {
            // anyOf: [{type: string}, {type: number}] is type: [string, number]
            java.util.EnumSet<JsonType> types = java.util.EnumSet.noneOf(JsonType.class);
            boolean nullable = nullBranch;
            for (SchemaNode branch : branches) {
                types.addAll(((SchemaNode.Shape) branch).types());
                nullable |= ((SchemaNode.Shape) branch).nullable();
            }
            return new Union(List.of(typeOnly(types, nullable)), false);
        }
        if (nullBranch && oneOf) {
            // exactly one branch may take null, or null would match several and fail oneOf
            List<SchemaNode> marked = new ArrayList<>(branches);
            marked.set(0, nullable(marked.get(0)));
            return new Union(marked, false);
        }
        if (nullBranch) {
            branches = branches.stream().map(Normalizer::nullable).toList();
        }
        return new Union(oneOf ? branches : dedupe(branches), false);
    }

    /** A shape that only restricts the type (and nullability). */
    private static boolean typeOnly(SchemaNode node) {
        return node instanceof SchemaNode.Shape s
                && s.enumValues() == null
                && s.numeric().isEmpty()
                && s.strings().isEmpty()
                && s.arrays().isEmpty()
                && s.objects().isEmpty()
                && s.composition().isEmpty();
    }

    private static SchemaNode.Shape typeOnly(Set<JsonType> types, boolean nullable) {
        return new SchemaNode.Shape(
                types,
                nullable,
                null,
                SchemaNode.Numeric.NONE,
                SchemaNode.Strings.NONE,
                SchemaNode.Arrays.NONE,
                SchemaNode.Objects.NONE,
                SchemaNode.Composition.NONE,
                SchemaNode.Annotations.NONE);
    }

    private static List<SchemaNode> merged(List<SchemaNode> a, List<SchemaNode> b) {
        List<SchemaNode> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<SchemaNode> dedupe(List<SchemaNode> branches) {
        return List.copyOf(new LinkedHashSet<>(branches));
    }

    /** {@code anyOf: [anyOf: [a, b], c]} is {@code anyOf: [a, b, c]}. */
    private static List<SchemaNode> flatten(List<SchemaNode> branches, boolean oneOf) {
        if (oneOf) {
            return branches;
        }
        List<SchemaNode> flat = new ArrayList<>();
        for (SchemaNode branch : branches) {
            if (branch instanceof SchemaNode.Shape s
                    && s.withComposition(SchemaNode.Composition.NONE).unconstrained()
                    && !s.composition().anyOf().isEmpty()
                    && s.composition().allOf().isEmpty()
                    && s.composition().oneOf().isEmpty()
                    && s.composition().not() == null
                    && s.composition().conditional() == null) {
                flat.addAll(s.composition().anyOf());
            } else {
                flat.add(branch);
            }
        }
        return flat;
    }

    static boolean isAny(@Nullable SchemaNode node) {
        return node == null || (node instanceof SchemaNode.Shape s && s.unconstrained());
    }

    static boolean isPureNull(SchemaNode node) {
        return node instanceof SchemaNode.Shape s
                && s.types().isEmpty()
                && s.nullable()
                && s.composition().isEmpty();
    }

    private static boolean acceptsNull(SchemaNode node) {
        return !(node instanceof SchemaNode.Shape s) || s.nullable();
    }

    private static SchemaNode nullable(SchemaNode node) {
        return node instanceof SchemaNode.Shape s ? s.withNullable(true) : node;
    }

    private static SchemaNode.Shape nullOnly() {
        return new SchemaNode.Shape(
                Set.of(),
                true,
                null,
                SchemaNode.Numeric.NONE,
                SchemaNode.Strings.NONE,
                SchemaNode.Arrays.NONE,
                SchemaNode.Objects.NONE,
                SchemaNode.Composition.NONE,
                SchemaNode.Annotations.NONE);
    }
}
