package dev.mcpver.abtest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consistent snapshot of an experiment's accumulated data: per-series aggregates, the stored running minima of
 * the sequential p-values, and the weight periods.
 */
public record ExperimentData(
        Map<SeriesKey, Moments> moments, Map<SeriesKey, Double> sequentialMinima, List<WeightEpoch> epochs) {
    public ExperimentData {
        moments = Map.copyOf(moments);
        sequentialMinima = Map.copyOf(sequentialMinima);
        epochs = List.copyOf(epochs);
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("an experiment has at least its initial weight period");
        }
    }

    /** Observations of the first metric per variant: the SRM counts. */
    public Map<String, Long> srmCounts(ExperimentSpec spec) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (VariantSpec variant : spec.variants()) {
            Moments m = moments.getOrDefault(new SeriesKey(spec.srmMetric().name(), variant.key()), Moments.EMPTY);
            counts.put(variant.key(), m.n());
        }
        return counts;
    }

    /** The analysis input for this snapshot. */
    public AnalysisInput input(Experiment experiment) {
        Map<String, Double> shares = WeightEpoch.expectedShares(epochs, srmCounts(experiment.spec()));
        return new AnalysisInput(
                experiment.id(), experiment.status(), experiment.spec(), moments, shares, sequentialMinima);
    }
}
