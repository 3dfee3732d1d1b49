package dev.mcpver.abtest;

/** Why a quantity of a comparison is {@code null} (listed in {@code comparison.warnings}). */
public enum Warning {
    /** An arm has no observations: nothing can be compared. */
    NO_DATA,
    /** An arm has fewer than two observations, so its variance is undefined. */
    INSUFFICIENT_SAMPLE,
    /** The standard error is zero (constant arms): the test statistic is undefined. */
    ZERO_VARIANCE,
    /** Every observation has the same value: the Mann-Whitney variance is zero. */
    ALL_TIED,
    /** The control mean is zero: the relative lift is undefined. */
    LIFT_UNDEFINED;

    public String wireName() {
        return name();
    }
}
