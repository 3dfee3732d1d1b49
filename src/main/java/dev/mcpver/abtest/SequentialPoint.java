package dev.mcpver.abtest;

import java.time.Instant;

/**
 * The always-valid sequential p-value of one (metric, treatment) as it stood after one ingested batch: the mSPRT
 * running minimum the decision reads, so a series never increases.
 *
 * @param series the metric and the treatment compared with the control
 * @param observations the experiment's total number of observations after the batch
 * @param pValue the sequential p-value after the batch
 * @param at when the batch was committed
 */
public record SequentialPoint(SeriesKey series, long observations, double pValue, Instant at) {
    public SequentialPoint {
        if (observations < 0 || !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("a sequential point needs n >= 0 and 0 <= p <= 1");
        }
    }
}
