package dev.mcpver.compat.schema;

import dev.mcpver.compat.json.JsonValue;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A canonical JSON Schema. {@link Shape} carries every assertion keyword in normal form; {@link Never} rejects every
 * value; {@link Recursive} stands for a reference back into a definition that is being expanded; {@link Unknown} is
 * what the engine cannot model (external or dynamic references, malformed keywords) — comparisons involving it are
 * undecided unless both sides are identical.
 *
 * <p>{@code equals} is semantic: annotations (title, description, default, examples, dialect) do not take part.
 */
public sealed interface SchemaNode
        permits SchemaNode.Shape, SchemaNode.Never, SchemaNode.Recursive, SchemaNode.Unknown {

    /** {@code false}: no value is valid. */
    record Never(Annotations annotations) implements SchemaNode {
        public static final Never INSTANCE = new Never(Annotations.NONE);

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Never;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    /**
     * A reference to a definition that is already being expanded (a recursive schema).
     *
     * @param ref the reference as written
     * @param fingerprint canonical text of the raw target, so renamed but identical definitions compare equal
     */
    record Recursive(String ref, String fingerprint) implements SchemaNode {
        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Recursive other && fingerprint.equals(other.fingerprint);
        }

        @Override
        public int hashCode() {
            return fingerprint.hashCode();
        }
    }

    /** A schema the engine cannot reason about; equal only to an identical raw schema. */
    record Unknown(String reason, JsonValue raw) implements SchemaNode {
        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Unknown other && raw.equals(other.raw);
        }

        @Override
        public int hashCode() {
            return raw.hashCode();
        }
    }

    /** A lower or upper numeric bound. */
    record Bound(BigDecimal value, boolean exclusive) {
        public Bound {
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }
    }

    /** Numeric assertions; {@code null} means absent. */
    record Numeric(
            @Nullable Bound lower,
            @Nullable Bound upper,
            @Nullable BigDecimal multipleOf) {
        public static final Numeric NONE = new Numeric(null, null, null);

        public Numeric {
            multipleOf = multipleOf == null ? null : multipleOf.stripTrailingZeros();
        }

        public boolean isEmpty() {
            return lower == null && upper == null && multipleOf == null;
        }
    }

    /** String assertions; {@code null} means absent ({@code minLength: 0} is absent). */
    record Strings(
            @Nullable Long minLength,
            @Nullable Long maxLength,
            @Nullable String pattern,
            @Nullable String format) {
        public static final Strings NONE = new Strings(null, null, null, null);

        public boolean isEmpty() {
            return minLength == null && maxLength == null && pattern == null && format == null;
        }
    }

    /**
     * Array assertions.
     *
     * @param items schema of items after {@code prefixItems}; {@code null} = any
     * @param prefixItems positional schemas (2020-12 {@code prefixItems}, draft-07 {@code items: [...]})
     */
    record Arrays(
            @Nullable SchemaNode items,
            List<SchemaNode> prefixItems,
            @Nullable Long minItems,
            @Nullable Long maxItems,
            boolean uniqueItems,
            @Nullable SchemaNode contains,
            @Nullable Long minContains,
            @Nullable Long maxContains) {
        public static final Arrays NONE = new Arrays(null, List.of(), null, null, false, null, null, null);

        public Arrays {
            prefixItems = List.copyOf(prefixItems);
        }

        public boolean isEmpty() {
            return equals(NONE);
        }

        /** The schema for the item at {@code index}; {@code null} = any. */
        public @Nullable SchemaNode itemAt(int index) {
            return index < prefixItems.size() ? prefixItems.get(index) : items;
        }
    }

    /**
     * Object assertions.
     *
     * @param additional schema of properties not named in {@code properties} nor matched by {@code
     *     patternProperties}; {@code null} = any, {@link Never} = closed
     */
    record Objects(
            SortedMap<String, SchemaNode> properties,
            SortedSet<String> required,
            @Nullable SchemaNode additional,
            SortedMap<String, SchemaNode> patternProperties,
            @Nullable SchemaNode propertyNames,
            @Nullable Long minProperties,
            @Nullable Long maxProperties,
            SortedMap<String, SortedSet<String>> dependentRequired,
            SortedMap<String, SchemaNode> dependentSchemas,
            @Nullable SchemaNode unevaluatedProperties) {
        public static final Objects NONE = new Objects(
                new TreeMap<>(),
                new TreeSet<>(),
                null,
                new TreeMap<>(),
                null,
                null,
                null,
                new TreeMap<>(),
                new TreeMap<>(),
                null);

        public Objects {
            properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
            required = Collections.unmodifiableSortedSet(new TreeSet<>(required));
            patternProperties = Collections.unmodifiableSortedMap(new TreeMap<>(patternProperties));
            dependentRequired = Collections.unmodifiableSortedMap(new TreeMap<>(dependentRequired));
            dependentSchemas = Collections.unmodifiableSortedMap(new TreeMap<>(dependentSchemas));
        }

        public boolean isEmpty() {
            return equals(NONE);
        }

        /** Closed: no property outside {@code properties}/{@code patternProperties} is accepted. */
        public boolean closed() {
            return additional instanceof Never || unevaluatedProperties instanceof Never;
        }
    }

    /** {@code if}/{@code then}/{@code else}. */
    record Conditional(
            SchemaNode condition,
            @Nullable SchemaNode then,
            @Nullable SchemaNode otherwise) {}

    /**
     * Composition keywords that could not be folded into the shape. {@code anyOf} branches compare as a set and
     * {@code oneOf} branches as a multiset: their order carries no meaning.
     */
    record Composition(
            List<SchemaNode> allOf,
            List<SchemaNode> anyOf,
            List<SchemaNode> oneOf,
            @Nullable SchemaNode not,
            @Nullable Conditional conditional) {
        public static final Composition NONE = new Composition(List.of(), List.of(), List.of(), null, null);

        public Composition {
            allOf = List.copyOf(allOf);
            anyOf = List.copyOf(anyOf);
            oneOf = List.copyOf(oneOf);
        }

        public boolean isEmpty() {
            return allOf.isEmpty() && anyOf.isEmpty() && oneOf.isEmpty() && not == null && conditional == null;
        }

        /** The union branches: {@code anyOf} or {@code oneOf}, whichever is present (empty when neither). */
        public List<SchemaNode> union() {
            return anyOf.isEmpty() ? oneOf : anyOf;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Composition other
                    && multiset(allOf).equals(multiset(other.allOf))
                    && multiset(anyOf).equals(multiset(other.anyOf))
                    && multiset(oneOf).equals(multiset(other.oneOf))
                    && java.util.Objects.equals(not, other.not)
                    && java.util.Objects.equals(conditional, other.conditional);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(multiset(allOf), multiset(anyOf), multiset(oneOf), not, conditional);
        }

        private static Map<SchemaNode, Integer> multiset(List<SchemaNode> nodes) {
            Map<SchemaNode, Integer> counts = new HashMap<>();
            for (SchemaNode node : nodes) {
                counts.merge(node, 1, Integer::sum);
            }
            return counts;
        }
    }

    /**
     * What does not decide validity: kept for the description/default rules and for messages.
     *
     * @param unboundedBound an integer bound at or beyond ±(2^53−1) was written and normalised away
     * @param dialect the {@code $schema} of a root schema
     * @param viaRef the reference this node was reached through, if any
     */
    record Annotations(
            @Nullable String title,
            @Nullable String description,
            @Nullable JsonValue defaultValue,
            @Nullable JsonValue examples,
            boolean deprecated,
            boolean unboundedBound,
            @Nullable String dialect,
            @Nullable String viaRef) {
        public static final Annotations NONE = new Annotations(null, null, null, null, false, false, null, null);

        public Annotations withViaRef(@Nullable String ref) {
            return new Annotations(
                    title, description, defaultValue, examples, deprecated, unboundedBound, dialect, ref);
        }

        public Annotations withDialect(@Nullable String newDialect) {
            return new Annotations(
                    title, description, defaultValue, examples, deprecated, unboundedBound, newDialect, viaRef);
        }

        public Annotations withUnboundedBound() {
            return new Annotations(title, description, defaultValue, examples, deprecated, true, dialect, viaRef);
        }

        /** Members of {@code this}, falling back to {@code other} where absent (outer annotations win). */
        public Annotations orElse(Annotations other) {
            return new Annotations(
                    title != null ? title : other.title,
                    description != null ? description : other.description,
                    defaultValue != null ? defaultValue : other.defaultValue,
                    examples != null ? examples : other.examples,
                    deprecated || other.deprecated,
                    unboundedBound || other.unboundedBound,
                    dialect != null ? dialect : other.dialect,
                    viaRef != null ? viaRef : other.viaRef);
        }
    }

    /**
     * An object schema in normal form.
     *
     * @param types allowed non-null types, normalised ({@link JsonType#ALL} when unrestricted)
     * @param nullable whether {@code null} is accepted
     * @param enumValues allowed non-null values (deduplicated, sorted canonically), {@code null} when unrestricted
     */
    record Shape(
            Set<JsonType> types,
            boolean nullable,
            @Nullable List<JsonValue> enumValues,
            Numeric numeric,
            Strings strings,
            Arrays arrays,
            Objects objects,
            Composition composition,
            Annotations annotations)
            implements SchemaNode {
        /** Accepts every value. */
        public static final Shape ANY = new Shape(
                JsonType.ALL,
                true,
                null,
                Numeric.NONE,
                Strings.NONE,
                Arrays.NONE,
                Objects.NONE,
                Composition.NONE,
                Annotations.NONE);

        public Shape {
            types = JsonType.normalize(types);
            enumValues = enumValues == null ? null : List.copyOf(enumValues);
        }

        /** No assertion at all (annotations may be present). */
        public boolean unconstrained() {
            return equals(ANY);
        }

        public boolean accepts(JsonType type) {
            return JsonType.overlaps(types, type);
        }

        public Shape withAnnotations(Annotations newAnnotations) {
            return new Shape(
                    types, nullable, enumValues, numeric, strings, arrays, objects, composition, newAnnotations);
        }

        public Shape withComposition(Composition newComposition) {
            return new Shape(
                    types, nullable, enumValues, numeric, strings, arrays, objects, newComposition, annotations);
        }

        public Shape withNullable(boolean newNullable) {
            return new Shape(
                    types, newNullable, enumValues, numeric, strings, arrays, objects, composition, annotations);
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Shape other
                    && types.equals(other.types)
                    && nullable == other.nullable
                    && java.util.Objects.equals(enumValues, other.enumValues)
                    && numeric.equals(other.numeric)
                    && strings.equals(other.strings)
                    && arrays.equals(other.arrays)
                    && objects.equals(other.objects)
                    && composition.equals(other.composition);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(types, nullable, enumValues, numeric, strings, arrays, objects, composition);
        }
    }

    /** The annotations of any node (none for references and unknown nodes). */
    static Annotations annotationsOf(@Nullable SchemaNode node) {
        if (node instanceof Shape shape) {
            return shape.annotations();
        }
        if (node instanceof Never never) {
            return never.annotations();
        }
        return Annotations.NONE;
    }
}
