package dev.mcpver.migrate;

/**
 * One step of a plan.
 *
 * @param index position (0-based; forward steps first, rollback steps last)
 * @param kind what it does (its phase follows from the kind)
 * @param description what it does, for people
 * @param timeoutMs how long it may run before it fails
 * @param estimatedMs expected duration (recorded history, else the default)
 */
public record PlannedStep(int index, StepKind kind, String description, long timeoutMs, long estimatedMs) {
    public PlannedStep {
        if (index < 0 || timeoutMs < 1 || estimatedMs < 0) {
            throw new IllegalArgumentException("step index, timeout and estimate must be positive");
        }
    }

    public Phase phase() {
        return kind.phase();
    }
}
