package dev.mcpver.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Observed behaviour of one version over a window.
 *
 * @param requests calls observed
 * @param errors calls that failed
 * @param p50Millis median latency
 * @param p95Millis 95th percentile latency
 * @param from start of the window
 * @param to end of the window
 */
public record HealthSample(
        @JsonProperty("requests") long requests,
        @JsonProperty("errors") long errors,
        @JsonProperty("p50Millis") double p50Millis,
        @JsonProperty("p95Millis") double p95Millis,
        @JsonProperty("from") Instant from,
        @JsonProperty("to") Instant to) {
    public HealthSample {
        if (requests < 0 || errors < 0 || errors > requests) {
            throw new IllegalArgumentException("0 <= errors <= requests");
        }
    }

    @JsonProperty("errorRate")
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }
}
