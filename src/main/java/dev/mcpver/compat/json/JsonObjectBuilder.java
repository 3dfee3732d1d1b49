package dev.mcpver.compat.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds a {@link JsonValue.JObject} with members in insertion order; {@code null} values are written as JSON null. */
public final class JsonObjectBuilder {
    private final Map<String, JsonValue> members = new LinkedHashMap<>();

    public static JsonObjectBuilder object() {
        return new JsonObjectBuilder();
    }

    public JsonObjectBuilder put(String name, @Nullable JsonValue value) {
        members.put(name, value == null ? JsonValue.NULL : value);
        return this;
    }

    public JsonObjectBuilder put(String name, @Nullable String value) {
        return put(name, value == null ? null : new JsonValue.JString(value));
    }

    public JsonObjectBuilder put(String name, long value) {
        return put(name, JsonValue.JNumber.of(value));
    }

    public JsonObjectBuilder put(String name, boolean value) {
        return put(name, JsonValue.of(value));
    }

    public JsonObjectBuilder putStrings(String name, List<String> values) {
        return put(name, JsonValue.strings(values));
    }

    /** Adds the member only when the value is not null. */
    public JsonObjectBuilder putIfPresent(String name, @Nullable JsonValue value) {
        if (value != null) {
            members.put(name, value);
        }
        return this;
    }

    public JsonObjectBuilder putIfPresent(String name, @Nullable String value) {
        return putIfPresent(name, value == null ? null : new JsonValue.JString(value));
    }

    public JsonValue.JObject build() {
        return new JsonValue.JObject(members);
    }
}
