package dev.mcpver.abtest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A period with fixed weights. When weights change, the SRM counts at that moment are recorded, so the SRM check
 * can expect the mixture of every period's split instead of blaming the change itself for a mismatch.
 *
 * @param epoch 0 for the weights at creation, then 1, 2, …
 * @param weights per variant key
 * @param countsAtStart SRM counts (observations of the first metric) when the period began
 * @param startedAt when
 */
public record WeightEpoch(int epoch, Map<String, Double> weights, Map<String, Long> countsAtStart, Instant startedAt) {
    public WeightEpoch {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        countsAtStart = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(countsAtStart));
    }

    /**
     * Expected share per variant: each period's normalised weights, weighted by the samples that arrived during it.
     * Without samples yet, the latest weights.
     *
     * @param epochs in order, at least one
     * @param counts current SRM counts per variant
     */
    public static Map<String, Double> expectedShares(List<WeightEpoch> epochs, Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        WeightEpoch last = epochs.get(epochs.size() - 1);
        if (total == 0) {
            last.weights.forEach((key, weight) -> shares.put(key, weight / last.totalWeight()));
            return shares;
        }
        last.weights.keySet().forEach(key -> shares.put(key, 0.0));
        for (int e = 0; e < epochs.size(); e++) {
            WeightEpoch epoch = epochs.get(e);
            long end = e + 1 < epochs.size() ? epochs.get(e + 1).countTotal() : total;
            double fraction = (double) (end - epoch.countTotal()) / total;
            epoch.weights.forEach(
                    (key, weight) -> shares.merge(key, fraction * weight / epoch.totalWeight(), Double::sum));
        }
        return shares;
    }

    private double totalWeight() {
        return weights.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private long countTotal() {
        return countsAtStart.values().stream().mapToLong(Long::longValue).sum();
    }
}
