package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.compat.schema.CanonicalSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MCP's structural requirements on tool schemas: an {@code inputSchema} must be a JSON Schema object whose root has
 * {@code "type": "object"}; an {@code outputSchema} too, except under 2026-07-28, which allows any schema. Both must
 * be well-formed (canonicalisation problems).
 */
final class InputValidity {
    private InputValidity() {}

    static List<String> inputProblems(JsonValue raw, CanonicalSchema canonical) {
        return problems(raw, canonical, false);
    }

    static List<String> outputProblems(JsonValue raw, CanonicalSchema canonical, boolean anySchema) {
        return problems(raw, canonical, anySchema);
    }

    private static List<String> problems(JsonValue raw, CanonicalSchema canonical, boolean anySchema) {
        List<String> problems = new ArrayList<>();
        if (!(raw instanceof JsonValue.JObject object)) {
            if (!(anySchema && raw instanceof JsonValue.JBool)) {
                problems.add("the schema must be a JSON object, found " + raw.typeName());
            }
            return problems;
        }
        if (!anySchema && !objectRoot(object.get("type"))) {
            problems.add("the root must declare \"type\": \"object\"");
        }
        problems.addAll(canonical.problems());
        return problems;
    }

    private static boolean objectRoot(Optional<JsonValue> type) {
        if (type.isEmpty()) {
            return false;
        }
        if (type.get() instanceof JsonValue.JString text) {
            return text.value().equals("object");
        }
        return type.get() instanceof JsonValue.JArray array && array.items().contains(JsonValue.of("object"));
    }
}
