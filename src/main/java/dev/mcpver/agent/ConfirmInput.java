package dev.mcpver.agent;

import org.jspecify.annotations.Nullable;

/**
 * A person's decision on the state-changing call a run is waiting on.
 *
 * @param decision {@code approve} or {@code reject}
 * @param comment why, recorded in the trace (at most 2,000 characters)
 */
public record ConfirmInput(String decision, @Nullable String comment) {
    public ConfirmInput {
        if (decision == null || !(decision.equals("approve") || decision.equals("reject"))) {
            throw new IllegalArgumentException("decision must be approve or reject");
        }
        if (comment != null && comment.length() > 2_000) {
            throw new IllegalArgumentException("comment is longer than 2000 characters");
        }
    }
}
