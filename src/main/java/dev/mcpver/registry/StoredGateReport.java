package dev.mcpver.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A gate report as stored: every time the gates run for a promotion, passed or not (the enforcement record).
 *
 * @param id stable identifier (ULID)
 * @param versionId the version judged
 * @param passed whether the promotion was let through
 * @param score the security score
 * @param report the full {@link dev.mcpver.lifecycle.GateReport} as JSON
 * @param createdAt when the gates ran
 * @param createdBy who asked for the promotion
 */
public record StoredGateReport(
        @JsonProperty("id") String id,
        @JsonProperty("versionId") String versionId,
        @JsonProperty("passed") boolean passed,
        @JsonProperty("score") int score,
        @JsonProperty("report") JsonNode report,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("createdBy") String createdBy) {}
