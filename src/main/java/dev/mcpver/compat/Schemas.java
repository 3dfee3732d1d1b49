package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.compat.schema.CanonicalSchema;
import dev.mcpver.compat.schema.Canonicalizer;
import java.util.HashMap;
import java.util.Map;

/** Canonical schemas of one analysis, computed once per distinct raw schema. Not thread-safe. */
final class Schemas {
    private final Map<JsonValue, CanonicalSchema> cache = new HashMap<>();

    CanonicalSchema of(JsonValue raw) {
        return cache.computeIfAbsent(raw, Canonicalizer::canonicalize);
    }
}
