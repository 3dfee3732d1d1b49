package dev.mcpver.abtest;

import java.util.Optional;

/** Which way a metric improves. */
public enum Direction {
    /** Larger is better (success rate, accuracy). */
    HIGHER_IS_BETTER,
    /** Smaller is better (latency, error rate, cost). */
    LOWER_IS_BETTER;

    /** The improvement a difference {@code treatment − control} represents: positive is better. */
    public double improvement(double diff) {
        return this == HIGHER_IS_BETTER ? diff : -diff;
    }

    public String wireName() {
        return Wire.name(this);
    }

    public static Optional<Direction> fromWire(String text) {
        return Wire.parse(Direction.class, text);
    }

    public static String choices() {
        return Wire.choices(Direction.class);
    }
}
