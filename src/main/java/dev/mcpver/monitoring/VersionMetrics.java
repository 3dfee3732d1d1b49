package dev.mcpver.monitoring;

import java.util.Optional;

/** Port: observed health of a version (the A/B feature records observations and implements it). Thread-safe. */
@FunctionalInterface
public interface VersionMetrics {
    /** The latest window of observations for a version, if any were made. */
    Optional<HealthSample> health(String versionId);

    /** No observations anywhere: health is unknown. */
    static VersionMetrics none() {
        return versionId -> Optional.empty();
    }
}
