package dev.mcpver.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.json.CanonicalJson;
import dev.mcpver.json.Json;
import java.io.UncheckedIOException;

/** Engine records stored as canonical JSON text columns, and read back through their validating constructors. */
final class StoredJson {
    private static final ObjectMapper MAPPER = Json.mapper();

    private StoredJson() {}

    static String write(Object value) {
        return CanonicalJson.write(tree(value));
    }

    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static <T> T read(String text, Class<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored " + type.getSimpleName() + " is unreadable: " + e.getMessage(), e);
        }
    }

    static <T> T read(String text, TypeReference<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON is unreadable: " + e.getMessage(), e);
        }
    }
}
