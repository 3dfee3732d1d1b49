package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonPointer;
import dev.mcpver.compat.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Typed, located access to the members of one JSON object; every type error names its JSON pointer. */
final class ObjectReader {
    private final JsonValue.JObject object;
    private final String pointer;

    ObjectReader(JsonValue.JObject object, String pointer) {
        this.object = object;
        this.pointer = pointer;
    }

    static ObjectReader of(JsonValue value, String pointer) {
        if (!(value instanceof JsonValue.JObject object)) {
            throw new SurfaceException(pointer, "expected an object, found " + value.typeName());
        }
        return new ObjectReader(object, pointer);
    }

    JsonValue.JObject object() {
        return object;
    }

    String pointer() {
        return pointer;
    }

    String at(String key) {
        return JsonPointer.append(pointer, key);
    }

    boolean has(String key) {
        return object.has(key);
    }

    /** Present and not JSON null. */
    boolean present(String key) {
        return object.get(key).filter(v -> !(v instanceof JsonValue.JNull)).isPresent();
    }

    Optional<JsonValue> raw(String key) {
        return object.get(key).filter(v -> !(v instanceof JsonValue.JNull));
    }

    String requiredString(String key) {
        return string(key).orElseThrow(() -> new SurfaceException(at(key), "required string is missing"));
    }

    Optional<String> string(String key) {
        Optional<JsonValue> value = raw(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof JsonValue.JString text) {
            return Optional.of(text.value());
        }
        throw new SurfaceException(
                at(key), "expected a string, found " + value.get().typeName());
    }

    @Nullable
    String stringOrNull(String key) {
        return string(key).orElse(null);
    }

    boolean bool(String key, boolean absent) {
        Optional<JsonValue> value = raw(key);
        if (value.isEmpty()) {
            return absent;
        }
        if (value.get() instanceof JsonValue.JBool bool) {
            return bool.value();
        }
        throw new SurfaceException(
                at(key), "expected true or false, found " + value.get().typeName());
    }

    Optional<ObjectReader> object(String key) {
        return raw(key).map(value -> of(value, at(key)));
    }

    JsonValue.@Nullable JObject objectOrNull(String key) {
        return object(key).map(ObjectReader::object).orElse(null);
    }

    Optional<List<JsonValue>> array(String key) {
        Optional<JsonValue> value = raw(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof JsonValue.JArray array) {
            return Optional.of(array.items());
        }
        throw new SurfaceException(
                at(key), "expected an array, found " + value.get().typeName());
    }

    Optional<List<String>> strings(String key) {
        Optional<List<JsonValue>> items = array(key);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            if (!(items.get().get(i) instanceof JsonValue.JString text)) {
                throw new SurfaceException(JsonPointer.append(at(key), i), "expected a string");
            }
            strings.add(text.value());
        }
        return Optional.of(strings);
    }

    /** An object whose members are all strings (e.g. {@code {"zod": "^3.23.0"}}). */
    TreeMap<String, String> stringMap(String key) {
        TreeMap<String, String> map = new TreeMap<>();
        Optional<ObjectReader> members = object(key);
        if (members.isEmpty()) {
            return map;
        }
        for (Map.Entry<String, JsonValue> entry : members.get().object.members().entrySet()) {
            if (!(entry.getValue() instanceof JsonValue.JString text)) {
                throw new SurfaceException(members.get().at(entry.getKey()), "expected a string");
            }
            map.put(entry.getKey(), text.value());
        }
        return map;
    }
}
