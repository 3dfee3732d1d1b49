package dev.mcpver.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;

/**
 * The text of one resource as read.
 *
 * @param uri the URI that was read (the concrete one, not the template)
 * @param mimeType of {@code text}
 * @param text the content; JSON resources carry compact JSON
 */
public record ResourceContent(String uri, String mimeType, String text) {
    public static final String JSON = "application/json";
    public static final String MARKDOWN = "text/markdown";

    public ResourceContent {
        if (uri.isBlank() || mimeType.isBlank()) {
            throw new IllegalArgumentException("resource content needs a uri and a MIME type");
        }
    }

    public static ResourceContent json(String uri, JsonNode value) {
        return new ResourceContent(uri, JSON, Json.write(value));
    }
}
