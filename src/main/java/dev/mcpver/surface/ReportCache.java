package dev.mcpver.surface;

import java.util.Optional;

/**
 * Rendered reports keyed by the content hash of their inputs (both surfaces, the history, the policy, the format
 * and the analyzer version). Implementations must be thread-safe; a lost entry only costs a recomputation.
 */
public interface ReportCache {
    Optional<String> get(String key);

    void put(String key, String report);

    /** No caching. */
    static ReportCache none() {
        return new ReportCache() {
            @Override
            public Optional<String> get(String key) {
                return Optional.empty();
            }

            @Override
            public void put(String key, String report) {}
        };
    }
}
