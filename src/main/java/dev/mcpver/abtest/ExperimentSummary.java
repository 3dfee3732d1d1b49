package dev.mcpver.abtest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An experiment with its counters, for {@code GET /api/v1/experiments/{id}}.
 *
 * @param experiment the stored experiment
 * @param exposures units exposed per variant
 * @param samples observations of the first metric per variant (the SRM counts)
 */
public record ExperimentSummary(Experiment experiment, Map<String, Long> exposures, Map<String, Long> samples) {
    public ExperimentSummary {
        exposures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exposures));
        samples = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(samples));
    }
}
