package dev.mcpver.migrate;

import org.jspecify.annotations.Nullable;

/**
 * A canary's verdict.
 *
 * @param verdict pending, promote or rollback
 * @param reason why (the experiment's summary or the operator's words)
 */
public record CanaryDecision(Verdict verdict, @Nullable String reason) {
    /** The possible verdicts. */
    public enum Verdict {
        PENDING,
        PROMOTE,
        ROLLBACK
    }

    public static CanaryDecision pending() {
        return new CanaryDecision(Verdict.PENDING, null);
    }
}
