package dev.mcpver.monitoring;

import java.util.Map;

/**
 * Port: how many consumers (running deployments, routed clients) use each version right now. The deployment and
 * gateway features implement it. Thread-safe.
 */
@FunctionalInterface
public interface AdoptionSource {
    /** Version id → active consumers; versions nobody uses may be absent. */
    Map<String, Long> consumersByVersion();

    /** Nobody reports usage: adoption is unknown (reported as 0 with {@code known = false}). */
    static AdoptionSource none() {
        return Map::of;
    }
}
