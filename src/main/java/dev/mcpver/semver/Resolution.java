package dev.mcpver.semver;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which of a list of version strings satisfy a range. Entries are echoed exactly as given.
 *
 * @param max the highest satisfying entry (the first one among equal precedence), or null when none
 *     satisfies, like node's {@code maxSatisfying}
 * @param min the lowest satisfying entry (the first one among equal precedence), or null when none satisfies
 * @param matching every satisfying entry, in input order
 */
public record Resolution(@Nullable String max, @Nullable String min, List<String> matching) {
    /** Copies {@code matching}; max and min, when present, must be among the matching entries. */
    public Resolution {
        matching = List.copyOf(matching);
        if ((max == null) != matching.isEmpty() || (min == null) != matching.isEmpty()) {
            throw new IllegalArgumentException("max and min are present exactly when something matches");
        }
    }
}
