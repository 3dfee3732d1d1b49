package dev.mcpver.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A claim attached to a version by CI or a reviewer: test coverage, a code-quality result, or any named fact the
 * compliance rules can read.
 *
 * <p>Known kinds and their values: {@code coverage} → {@code {"percent": 0..100}}; {@code code-quality} →
 * {@code {"passed": bool, "grade"?: "A".."F"}}. Other kinds are free-form JSON objects.
 *
 * @param id stable identifier (ULID)
 * @param versionId the version it is about
 * @param kind what it claims
 * @param value the claim
 * @param createdAt when it was attached
 * @param createdBy who attached it
 */
public record Attestation(
        @JsonProperty("id") String id,
        @JsonProperty("versionId") String versionId,
        @JsonProperty("kind") String kind,
        @JsonProperty("value") JsonNode value,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("createdBy") String createdBy) {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    public Attestation {
        requireValid(kind, value);
    }

    /** Checks a kind and its value; throws naming the field. */
    public static void requireValid(String kind, JsonNode value) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind: expected a lower-case slug such as coverage or code-quality");
        }
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("value: expected a JSON object");
        }
        if (kind.equals("coverage")) {
            double percent = value.path("percent").asDouble(-1);
            if (!value.path("percent").isNumber() || percent < 0 || percent > 100) {
                throw new IllegalArgumentException("value.percent: coverage needs a number between 0 and 100");
            }
        }
        if (kind.equals("code-quality") && !value.path("passed").isBoolean()) {
            throw new IllegalArgumentException("value.passed: code-quality needs a boolean");
        }
    }
}
