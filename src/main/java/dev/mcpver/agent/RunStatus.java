package dev.mcpver.agent;

/**
 * Where a run stands. {@code running} and {@code awaiting_confirmation} are open; every other status is terminal.
 * {@code identical}/{@code diverged} end verify replays; {@code degraded} marks a run finished by the offline planner
 * after the model failed ({@code MCPVER_AGENT_ON_MODEL_FAILURE=offline}).
 */
public enum RunStatus implements WireEnum {
    RUNNING,
    AWAITING_CONFIRMATION,
    SUCCEEDED,
    FAILED,
    INTERRUPTED,
    IDENTICAL,
    DIVERGED,
    DEGRADED;

    public boolean terminal() {
        return this != RUNNING && this != AWAITING_CONFIRMATION;
    }

    public static RunStatus fromWire(String text) {
        return WireEnum.require(RunStatus.class, text);
    }
}
