package dev.mcpver.abtest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an analysis reads.
 *
 * @param experimentId the experiment
 * @param status its status
 * @param spec its definition
 * @param moments aggregates per series; a missing series is empty
 * @param expectedShares the share of samples each variant should get (normalised weights, or the mixture over
 *     weight changes); one entry per variant, summing to 1
 * @param sequentialMinima the smallest sequential p stored so far per (metric, treatment); the analysis reports
 *     the minimum of these and the current value
 */
public record AnalysisInput(
        String experimentId,
        ExperimentStatus status,
        ExperimentSpec spec,
        Map<SeriesKey, Moments> moments,
        Map<String, Double> expectedShares,
        Map<SeriesKey, Double> sequentialMinima) {
    public AnalysisInput {
        moments = Map.copyOf(moments);
        expectedShares = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expectedShares));
        sequentialMinima = Map.copyOf(sequentialMinima);
        for (VariantSpec variant : spec.variants()) {
            Double share = expectedShares.get(variant.key());
            if (share == null || !(share > 0)) {
                throw new IllegalArgumentException("no positive expected share for variant " + variant.key());
            }
        }
    }

    /** Shares proportional to the current weights: the expectation when weights never changed. */
    public static Map<String, Double> sharesOf(ExperimentSpec spec) {
        double total = spec.variants().stream().mapToDouble(VariantSpec::weight).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        spec.variants().forEach(v -> shares.put(v.key(), v.weight() / total));
        return shares;
    }

    public Moments moments(String metric, String variant) {
        return moments.getOrDefault(new SeriesKey(metric, variant), Moments.EMPTY);
    }
}
