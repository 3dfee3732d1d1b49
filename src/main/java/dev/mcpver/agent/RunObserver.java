package dev.mcpver.agent;

/** Sees each step right after it is committed (SSE streaming, the CLI). Called on the run's thread. */
@FunctionalInterface
public interface RunObserver {
    void onStep(Step step);

    static RunObserver none() {
        return step -> {};
    }
}
