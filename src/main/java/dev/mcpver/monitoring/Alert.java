package dev.mcpver.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Something an operator should look at.
 *
 * @param kind {@code version-sprawl}, {@code deprecated-in-use}, {@code archived-in-use},
 *     {@code unhealthy-version} or {@code vulnerable-in-production}
 * @param severity {@code critical} or {@code warning}
 * @param serverId the server concerned
 * @param serverName its name
 * @param versionId the version concerned, if one
 * @param version its version string, if one
 * @param message one sentence: what and what to do
 * @param evidence the numbers behind it
 */
public record Alert(
        @JsonProperty("kind") String kind,
        @JsonProperty("severity") String severity,
        @JsonProperty("serverId") String serverId,
        @JsonProperty("serverName") String serverName,
        @JsonProperty("versionId") @Nullable String versionId,
        @JsonProperty("version") @Nullable String version,
        @JsonProperty("message") String message,
        @JsonProperty("evidence") Map<String, Object> evidence) {
    public Alert {
        evidence = Map.copyOf(evidence);
    }
}
