package dev.mcpver.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mcpver.lifecycle.Stage;
import org.jspecify.annotations.Nullable;

/**
 * Health and adoption of one version.
 *
 * @param versionId the version
 * @param version its version string
 * @param stage its stage
 * @param status {@code healthy}, {@code unhealthy} or {@code unknown} (no or too few observations)
 * @param sample the observations, if any
 * @param consumers active consumers according to the adoption source
 * @param adoptionKnown whether an adoption source reports anything at all
 */
public record VersionHealth(
        @JsonProperty("versionId") String versionId,
        @JsonProperty("version") String version,
        @JsonProperty("stage") Stage stage,
        @JsonProperty("status") String status,
        @JsonProperty("sample") @Nullable HealthSample sample,
        @JsonProperty("consumers") long consumers,
        @JsonProperty("adoptionKnown") boolean adoptionKnown) {}
