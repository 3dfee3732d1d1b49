package dev.mcpver.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;

/** Helpers for writing tool schemas as JSON text blocks, so they read like the JSON the doors publish. */
public final class Schemas {
    private Schemas() {}

    /** Parses a schema literal; a malformed literal is a programming error caught by the catalog tests. */
    public static JsonNode of(String json) {
        return Json.read(json);
    }
}
