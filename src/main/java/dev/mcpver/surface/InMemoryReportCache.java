package dev.mcpver.surface;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A bounded least-recently-used cache in memory (the CLI's cache; the service uses the database). Thread-safe. */
public final class InMemoryReportCache implements ReportCache {
    private final Map<String, String> entries;

    public InMemoryReportCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized void put(String key, String report) {
        entries.put(key, report);
    }
}
