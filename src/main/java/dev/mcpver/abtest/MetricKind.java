package dev.mcpver.abtest;

import java.util.Optional;

/** The kind of a metric; it decides which tests run. */
public enum MetricKind {
    /** Any finite number (response time, memory, cost, accuracy): Welch t plus Mann-Whitney U. */
    CONTINUOUS,
    /** 0 or 1 per observation (success, error): pooled two-proportion z plus a Newcombe interval. */
    BINARY;

    public String wireName() {
        return Wire.name(this);
    }

    public static Optional<MetricKind> fromWire(String text) {
        return Wire.parse(MetricKind.class, text);
    }

    public static String choices() {
        return Wire.choices(MetricKind.class);
    }
}
