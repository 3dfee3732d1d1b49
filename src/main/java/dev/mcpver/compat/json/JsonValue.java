package dev.mcpver.compat.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An immutable JSON value. Equality follows JSON Schema instance equality: numbers by mathematical value, objects by
 * their members (order ignored), arrays element by element.
 */
public sealed interface JsonValue
        permits JsonValue.JObject,
                JsonValue.JArray,
                JsonValue.JString,
                JsonValue.JNumber,
                JsonValue.JBool,
                JsonValue.JNull {

    JNull NULL = new JNull();
    JBool TRUE = new JBool(true);
    JBool FALSE = new JBool(false);

    /** The JSON Schema type name of this value ({@code integer} for integral numbers). */
    String typeName();

    /**
     * An object; members keep their insertion order for output, equality ignores it. The hash is computed once:
     * surfaces compare large, mostly equal trees, and unequal ones usually differ in their hashes.
     */
    final class JObject implements JsonValue {
        public static final JObject EMPTY = new JObject(Map.of());
        private static final int LINEAR = 12;

        private final String[] keys;
        private final JsonValue[] values;
        private final int hash;
        private volatile @Nullable Map<String, JsonValue> view;
        private volatile @Nullable Map<String, Integer> index;

        public JObject(Map<String, JsonValue> members) {
            this(members.keySet().toArray(new String[0]), members.values().toArray(new JsonValue[0]));
        }

        private JObject(String[] keys, JsonValue[] values) {
            int sum = 0;
            for (int i = 0; i < keys.length; i++) {
                java.util.Objects.requireNonNull(values[i], "member values must not be null");
                sum += keys[i].hashCode() ^ values[i].hashCode();
            }
            this.keys = keys;
            this.values = values;
            this.hash = sum;
        }

        /** Wraps {@code members} (insertion order kept): for parsers that built the map and never touch it again. */
        public static JObject ofOwned(LinkedHashMap<String, JsonValue> members) {
            return new JObject(members);
        }

        /**
         * Wraps parallel arrays without copying: for parsers. Keys must be unique; the arrays must not change later.
         */
        public static JObject ofArrays(String[] keys, JsonValue[] values) {
            if (keys.length != values.length) {
                throw new IllegalArgumentException("keys and values differ in length");
            }
            return new JObject(keys, values);
        }

        /** The members in insertion order (an unmodifiable view). */
        public Map<String, JsonValue> members() {
            Map<String, JsonValue> members = view;
            if (members == null) {
                view = members = new MembersView();
            }
            return members;
        }

        public Optional<JsonValue> get(String name) {
            int at = indexOf(name);
            return at < 0 ? Optional.empty() : Optional.of(values[at]);
        }

        public boolean has(String name) {
            return indexOf(name) >= 0;
        }

        private int indexOf(Object name) {
            if (keys.length <= LINEAR) {
                for (int i = 0; i < keys.length; i++) {
                    if (keys[i].equals(name)) {
                        return i;
                    }
                }
                return -1;
            }
            Map<String, Integer> lookup = index;
            if (lookup == null) {
                Map<String, Integer> built = new java.util.HashMap<>();
                for (int i = 0; i < keys.length; i++) {
                    built.put(keys[i], i);
                }
                index = lookup = built;
            }
            Integer at = lookup.get(name);
            return at == null ? -1 : at;
        }

        @Override
        public String typeName() {
            return "object";
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return this == o || (o instanceof JObject other && hash == other.hash && sameMembers(other));
        }

        /** Members in the same order (the usual case for two serialisations) compare pairwise, without lookups. */
        private boolean sameMembers(JObject other) {
            if (keys.length != other.keys.length) {
                return false;
            }
            for (int i = 0; i < keys.length; i++) {
                if (!keys[i].equals(other.keys[i])) {
                    return members().equals(other.members());
                }
                if (!values[i].equals(other.values[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "JObject" + members();
        }

        /** A read-only map over the two arrays. */
        private final class MembersView extends java.util.AbstractMap<String, JsonValue> {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public @Nullable JsonValue get(@Nullable Object key) {
                int at = key == null ? -1 : indexOf(key);
                return at < 0 ? null : values[at];
            }

            @Override
            public boolean containsKey(@Nullable Object key) {
                return key != null && indexOf(key) >= 0;
            }

            @Override
            public int hashCode() {
                return hash;
            }

            @Override
            public java.util.Set<Map.Entry<String, JsonValue>> entrySet() {
                return new java.util.AbstractSet<>() {
                    @Override
                    public int size() {
                        return keys.length;
                    }

                    @Override
                    public java.util.Iterator<Map.Entry<String, JsonValue>> iterator() {
                        return new java.util.Iterator<>() {
                            private int next;

                            @Override
                            public boolean hasNext() {
                                return next < keys.length;
                            }

                            @Override
                            public Map.Entry<String, JsonValue> next() {
                                if (next >= keys.length) {
                                    throw new java.util.NoSuchElementException();
                                }
                                int at = next++;
                                return Map.entry(keys[at], values[at]);
                            }
                        };
                    }
                };
            }

            @Override
            public void forEach(java.util.function.BiConsumer<? super String, ? super JsonValue> action) {
                for (int i = 0; i < keys.length; i++) {
                    action.accept(keys[i], values[i]);
                }
            }
        }
    }

    /** An array; the hash is computed once (see {@link JObject}). */
    final class JArray implements JsonValue {
        public static final JArray EMPTY = new JArray(List.of());

        private final List<JsonValue> items;
        private final JsonValue[] array;
        private final int hash;

        public JArray(List<JsonValue> items) {
            this(items.toArray(new JsonValue[0]));
        }

        private JArray(JsonValue[] array) {
            for (JsonValue item : array) {
                java.util.Objects.requireNonNull(item, "array items must not be null");
            }
            this.array = array;
            this.items = Collections.unmodifiableList(java.util.Arrays.asList(array));
            this.hash = this.items.hashCode();
        }

        /** Wraps {@code items} (copied once into an array): for parsers. */
        public static JArray ofOwned(List<JsonValue> items) {
            return new JArray(items);
        }

        public List<JsonValue> items() {
            return items;
        }

        @Override
        public String typeName() {
            return "array";
        }

        @Override
        public boolean equals(@Nullable Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof JArray other) || hash != other.hash || array.length != other.array.length) {
                return false;
            }
            for (int i = 0; i < array.length; i++) {
                if (!array[i].equals(other.array[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "JArray" + items;
        }
    }

    /** A string. */
    record JString(String value) implements JsonValue {
        @Override
        public String typeName() {
            return "string";
        }

        // explicit: the generated record methods are measurably slower in deep tree comparisons
        @Override
        public boolean equals(@Nullable Object o) {
            return this == o || (o instanceof JString other && value.equals(other.value));
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }

    /**
     * A number, normalised so that equal values are equal records ({@code 1}, {@code 1.0} and {@code 1e0}):
     * integers at scale 0, other numbers at their smallest scale.
     */
    record JNumber(BigDecimal value) implements JsonValue {
        public JNumber {
            value = normalize(value);
        }

        private static BigDecimal normalize(BigDecimal value) {
            if (value.scale() == 0) {
                return value;
            }
            if (value.signum() == 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal stripped = value.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return this == o || (o instanceof JNumber other && value.equals(other.value));
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        public static JNumber of(long value) {
            return new JNumber(BigDecimal.valueOf(value));
        }

        public boolean isIntegral() {
            return value.scale() <= 0;
        }

        @Override
        public String typeName() {
            return isIntegral() ? "integer" : "number";
        }
    }

    /** {@code true} or {@code false}. */
    record JBool(boolean value) implements JsonValue {
        @Override
        public boolean equals(@Nullable Object o) {
            return this == o || (o instanceof JBool other && value == other.value);
        }

        @Override
        public int hashCode() {
            return value ? 1231 : 1237;
        }

        @Override
        public String typeName() {
            return "boolean";
        }
    }

    /** {@code null}. */
    record JNull() implements JsonValue {
        @Override
        public String typeName() {
            return "null";
        }
    }

    static JsonValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    static JString of(String value) {
        return new JString(value);
    }

    static JNumber of(long value) {
        return JNumber.of(value);
    }

    static JArray array(List<? extends JsonValue> items) {
        return new JArray(List.copyOf(items));
    }

    static JArray strings(List<String> items) {
        return new JArray(items.stream().<JsonValue>map(JString::new).toList());
    }
}
