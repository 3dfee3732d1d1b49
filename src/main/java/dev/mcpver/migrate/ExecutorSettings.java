package dev.mcpver.migrate;

/**
 * How the executor runs in this process.
 *
 * @param residentMode the process keeps deployments' resident servers running ({@code serve}); one-shot CLI runs
 *     validate with candidate processes only and leave serving to the MCP hosts
 * @param crashTestPauseMs pause before and after each step's effect, logging {@code MIGRATION_STEP_RUNNING} and
 *     {@code MIGRATION_STEP_APPLIED}, so crash tests can {@code kill -9} inside a chosen step; 0 in production
 * @param crashTestPauseStep the only step index the pause applies to; -1 for every step
 */
public record ExecutorSettings(boolean residentMode, long crashTestPauseMs, int crashTestPauseStep) {
    public ExecutorSettings {
        if (crashTestPauseMs < 0 || crashTestPauseMs > 60_000) {
            throw new IllegalArgumentException("crashTestPauseMs must be between 0 and 60000");
        }
    }

    public ExecutorSettings(boolean residentMode, long crashTestPauseMs) {
        this(residentMode, crashTestPauseMs, -1);
    }

    /** Whether the crash-test pause applies at a step index. */
    public boolean pausesAt(int index) {
        return crashTestPauseMs > 0 && (crashTestPauseStep < 0 || crashTestPauseStep == index);
    }
}
