package dev.mcpver.abtest;

/**
 * One (metric, variant) series: the unit of aggregation and of raw storage. Also keys the running minimum of
 * the sequential p-value, where the variant is the treatment.
 */
public record SeriesKey(String metric, String variant) {}
