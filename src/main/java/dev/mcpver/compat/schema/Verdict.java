package dev.mcpver.compat.schema;

/** A three-valued answer: the engine says {@link #UNKNOWN} rather than guess. */
public enum Verdict {
    YES,
    NO,
    UNKNOWN;

    public static Verdict of(boolean value) {
        return value ? YES : NO;
    }

    /** Conjunction: NO wins, then UNKNOWN. */
    public Verdict and(Verdict other) {
        if (this == NO || other == NO) {
            return NO;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : YES;
    }

    /** Disjunction: YES wins, then UNKNOWN. */
    public Verdict or(Verdict other) {
        if (this == YES || other == YES) {
            return YES;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : NO;
    }

    public Verdict negate() {
        return this == YES ? NO : this == NO ? YES : UNKNOWN;
    }
}
