package dev.mcpver.registry;

import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for the server list; null filters match everything.
 *
 * @param category exact category
 * @param tag servers carrying this tag
 * @param owner exact owner
 * @param text case-insensitive substring of name or description
 * @param offset first item, 0-based
 * @param limit page size, 1–200
 */
public record ServerQuery(
        @Nullable String category,
        @Nullable String tag,
        @Nullable String owner,
        @Nullable String text,
        int offset,
        int limit) {
    public static final int MAX_LIMIT = 200;

    public ServerQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static ServerQuery all() {
        return new ServerQuery(null, null, null, null, 0, MAX_LIMIT);
    }
}
