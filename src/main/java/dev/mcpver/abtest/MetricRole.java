package dev.mcpver.abtest;

import java.util.Optional;

/** What a metric is for in the decision. */
public enum MetricRole {
    /** The one metric a treatment must improve to be promoted (Holm-corrected across treatments). */
    PRIMARY,
    /** A metric whose significant regression rolls the experiment back (uncorrected, one-sided by sign). */
    GUARDRAIL,
    /** Reported only; never drives the decision. */
    SECONDARY;

    public String wireName() {
        return Wire.name(this);
    }

    public static Optional<MetricRole> fromWire(String text) {
        return Wire.parse(MetricRole.class, text);
    }

    public static String choices() {
        return Wire.choices(MetricRole.class);
    }
}
