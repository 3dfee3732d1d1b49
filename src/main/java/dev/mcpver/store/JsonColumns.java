package dev.mcpver.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/** JSON text columns: written with the shared mapper, read back into types; a bad stored value is a store fault. */
final class JsonColumns {
    private JsonColumns() {}

    static String write(Object value) {
        return Json.write(value);
    }

    static @Nullable String writeNullable(@Nullable Object value) {
        return value == null ? null : Json.write(value);
    }

    static <T> T read(String text, Class<T> type) {
        try {
            return Json.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON does not match " + type.getSimpleName(), e);
        }
    }

    static <T> T read(String text, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON does not match " + type.getType(), e);
        }
    }

    static @Nullable JsonNode tree(@Nullable String text) {
        return text == null ? null : Json.read(text);
    }
}
