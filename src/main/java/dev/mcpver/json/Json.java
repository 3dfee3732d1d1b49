package dev.mcpver.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The application's JSON mapper. One instance is built by the composition root and shared; {@link ObjectMapper}
 * is thread-safe once configured.
 */
public final class Json {
    private static final ObjectMapper SHARED = create();

    private Json() {}

    /** A new mapper with the house settings: ISO dates, unknown fields ignored (wire evolution), nulls kept. */
    public static ObjectMapper create() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
        // Deeply nested hostile input is rejected by the parser instead of exhausting the stack.
        mapper.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(500).build());
        return mapper;
    }

    /** The shared mapper, for code outside the composition root (tests, CLI one-shots). */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    /** Serialises with the shared mapper; a value that cannot be serialised is a programming error. */
    public static String write(Object value) {
        try {
            return SHARED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses text that must be JSON (stored payloads, fixtures); malformed input is a programming error here. */
    public static JsonNode read(String text) {
        try {
            return SHARED.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
