package dev.mcpver.semver;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A bounded least-recently-used cache of parsed ranges, like node-semver's 1,000-entry memo. Ranges are
 * immutable, so sharing them is safe. Thread-safe: every access takes the lock (an access-ordered map
 * changes on reads too); parsing itself happens outside the lock.
 */
final class RangeCache {
    private final Map<String, Range> entries;

    RangeCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Range> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized @Nullable Range get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, Range range) {
        entries.put(key, range);
    }

    synchronized int size() {
        return entries.size();
    }
}
