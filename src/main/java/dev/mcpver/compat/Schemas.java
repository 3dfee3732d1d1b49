package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.compat.schema.CanonicalSchema;
import dev.mcpver.compat.schema.Canonicalizer;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Canonical schemas of one analysis, computed once per raw schema instance (identity: hashing whole schema trees
 * for every lookup would cost more than it saves). Not thread-safe.
 */
final class Schemas {
    private final Map<JsonValue, CanonicalSchema> cache = new IdentityHashMap<>();

    CanonicalSchema of(JsonValue raw) {
        return cache.computeIfAbsent(raw, Canonicalizer::canonicalize);
    }
}
