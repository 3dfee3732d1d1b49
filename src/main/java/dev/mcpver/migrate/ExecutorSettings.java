package dev.mcpver.migrate;

/**
 * How the executor runs in this process.
 *
 * @param residentMode the process keeps deployments' resident servers running ({@code serve}); one-shot CLI runs
 *     validate with candidate processes only and leave serving to the MCP hosts
 * @param crashTestPauseMs pause before and after each step's effect, logging {@code MIGRATION_STEP_RUNNING} and
 *     {@code MIGRATION_STEP_APPLIED}, so crash tests can {@code kill -9} inside a chosen step; 0 in production
 */
public record ExecutorSettings(boolean residentMode, long crashTestPauseMs) {
    public ExecutorSettings {
        if (crashTestPauseMs < 0 || crashTestPauseMs > 60_000) {
            throw new IllegalArgumentException("crashTestPauseMs must be between 0 and 60000");
        }
    }
}
