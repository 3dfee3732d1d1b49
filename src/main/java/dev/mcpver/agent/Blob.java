package dev.mcpver.agent;

import dev.mcpver.json.CanonicalJson;
import java.nio.charset.StandardCharsets;

/** Content addressed by its SHA-256 (system prompts, tool catalogues), stored once however many runs use it. */
public record Blob(String sha256, String mediaType, String content) {
    public Blob {
        if (!sha256.equals(sha256Of(content))) {
            throw new IllegalArgumentException("blob hash does not match its content");
        }
    }

    public static Blob of(String mediaType, String content) {
        return new Blob(sha256Of(content), mediaType, content);
    }

    public static String sha256Of(String content) {
        return CanonicalJson.sha256Hex(content.getBytes(StandardCharsets.UTF_8));
    }
}
