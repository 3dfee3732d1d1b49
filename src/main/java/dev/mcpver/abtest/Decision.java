package dev.mcpver.abtest;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The statistical decision ({@code decision} in the analysis), reached in the order of {@code abtest.md} §2.2.
 *
 * @param action continue, promote, rollback or halt
 * @param winner the treatment to promote, the control on rollback, otherwise null
 * @param reasons machine-readable reasons: {@code SRM}, {@code INSUFFICIENT_SAMPLE},
 *     {@code GUARDRAIL:<metric>:<treatment>}, {@code PRIMARY_IMPROVED:<treatment>}, {@code PRIMARY_REGRESSION},
 *     {@code NOT_SIGNIFICANT}
 */
public record Decision(Action action, @Nullable String winner, List<String> reasons) {
    public Decision {
        Objects.requireNonNull(action, "action");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a decision needs at least one reason");
        }
        if ((action == Action.PROMOTE || action == Action.ROLLBACK) == (winner == null)) {
            throw new IllegalArgumentException("promote and rollback name a winner; continue and halt do not");
        }
    }

    static Decision of(Action action, @Nullable String winner, String... reasons) {
        return new Decision(action, winner, List.of(reasons));
    }
}
