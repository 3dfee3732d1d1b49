package dev.mcpver.agent;

import java.time.Duration;

/** Waits between model attempts; injected so tests assert the waits without waiting. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration);

    /** Real waiting; an interrupt ends the wait early and keeps the thread's interrupt flag. */
    static Sleeper system() {
        return duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
