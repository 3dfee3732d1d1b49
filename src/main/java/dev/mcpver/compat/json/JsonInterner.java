package dev.mcpver.compat.json;

import java.util.HashMap;
import java.util.Map;

/**
 * Hash-consing for JSON trees built bottom-up: equal values become one instance. Two releases of a surface share
 * most of their content, so after reading both with one interner an unchanged tool is the same object on both sides
 * and comparing it costs one reference check instead of a walk over its tree. Because children are interned first,
 * each lookup compares only one level (equal children are identical). Only containers need interning: leaves are
 * compared by value inside that one level. Not thread-safe; one per analysis.
 */
public final class JsonInterner {
    private final Map<JsonValue, JsonValue> values = new HashMap<>(1 << 16);

    /** The canonical instance equal to {@code value}; {@code value}'s children must come from this interner. */
    @SuppressWarnings("unchecked")
    public <T extends JsonValue> T intern(T value) {
        JsonValue existing = values.putIfAbsent(value, value);
        return existing == null ? value : (T) existing;
    }

    /** Interns a whole tree (for trees not built through this interner). */
    public JsonValue deep(JsonValue value) {
        if (value instanceof JsonValue.JObject object) {
            java.util.LinkedHashMap<String, JsonValue> members = new java.util.LinkedHashMap<>();
            object.members().forEach((k, v) -> members.put(k, deep(v)));
            return intern(JsonValue.JObject.ofOwned(members));
        }
        if (value instanceof JsonValue.JArray array) {
            java.util.List<JsonValue> items =
                    new java.util.ArrayList<>(array.items().size());
            array.items().forEach(item -> items.add(deep(item)));
            return intern(JsonValue.JArray.ofOwned(items));
        }
        return intern(value);
    }

    public int size() {
        return values.size();
    }
}
