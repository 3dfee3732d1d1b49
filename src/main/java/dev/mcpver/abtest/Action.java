package dev.mcpver.abtest;

import java.util.Optional;

/** The statistical decision about a running experiment ({@code decision.action}). */
public enum Action {
    /** Keep collecting data. */
    CONTINUE,
    /** A treatment improved the primary metric: ship it. */
    PROMOTE,
    /** A guardrail or the primary metric regressed: go back to the control. */
    ROLLBACK,
    /** Sample ratio mismatch: the data cannot be trusted; stop routing to the treatments. */
    HALT;

    public String wireName() {
        return Wire.name(this);
    }

    public static Optional<Action> fromWire(String text) {
        return Wire.parse(Action.class, text);
    }

    /** Rollback and halt stop a running experiment automatically; promote only when auto-promote is set. */
    public boolean stopsAutomatically() {
        return this == ROLLBACK || this == HALT;
    }
}
