package dev.mcpver.compat.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** An object; members keep their insertion order for output, equality ignores it. */
    record JObject(Map<String, JsonValue> members) implements JsonValue {
        public static final JObject EMPTY = new JObject(Map.of());

        public JObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public Optional<JsonValue> get(String name) {
            return Optional.ofNullable(members.get(name));
        }

        public boolean has(String name) {
            return members.containsKey(name);
        }

        @Override
        public String typeName() {
            return "object";
        }
    }

    /** An array. */
    record JArray(List<JsonValue> items) implements JsonValue {
        public static final JArray EMPTY = new JArray(List.of());

        public JArray {
            items = List.copyOf(items);
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    /** A string. */
    record JString(String value) implements JsonValue {
        @Override
        public String typeName() {
            return "string";
        }
    }

    /** A number, normalised so that equal values are equal records ({@code 1}, {@code 1.0} and {@code 1e0}). */
    record JNumber(BigDecimal value) implements JsonValue {
        public JNumber {
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
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
