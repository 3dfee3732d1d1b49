package dev.mcpver.registry;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items the page's items
 * @param total how many items match in all
 * @param offset index of the first item
 * @param limit the page size asked for
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }

    /** A page cut from a complete, already ordered list. */
    public static <T> Page<T> of(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(from, to), all.size(), offset, limit);
    }
}
