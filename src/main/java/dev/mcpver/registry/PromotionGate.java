package dev.mcpver.registry;

import dev.mcpver.lifecycle.GateResult;

/**
 * One check a version must pass to enter a gated stage (production). Gates are pluggable: the composition root
 * decides which run, in which order. A gate that throws fails (the promotion is refused, never let through by a
 * bug). Implementations are thread-safe.
 */
public interface PromotionGate {
    /** Stable lower-case name, e.g. {@code signature}; the key of its result in reports and compliance rules. */
    String name();

    /** Weight in the security score (0 = not scored). */
    int weight();

    GateResult evaluate(GateContext context);
}
