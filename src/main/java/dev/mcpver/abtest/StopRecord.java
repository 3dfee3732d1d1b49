package dev.mcpver.abtest;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Why and how an experiment stopped.
 *
 * @param outcome manual, halted, rolled back or promoted
 * @param winner the variant traffic should go to now (control after a rollback, the treatment after a promotion);
 *     null after a halt or a manual stop without a winner
 * @param reason free text from the operator, or the decision's reasons for an automatic stop
 * @param by who stopped it ({@code auto} for the automatic stop)
 * @param at when
 */
public record StopRecord(Outcome outcome, @Nullable String winner, String reason, String by, Instant at) {
    /** How an experiment ended. */
    public enum Outcome {
        MANUAL,
        HALTED,
        ROLLED_BACK,
        PROMOTED;

        public String wireName() {
            return Wire.name(this);
        }

        public static Optional<Outcome> fromWire(String text) {
            return Wire.parse(Outcome.class, text);
        }
    }

    /** The actor name of the automatic stop. */
    public static final String AUTO = "auto";

    public StopRecord {
        if (reason.length() > 1000) {
            throw new InvalidExperimentException("reason", "must be at most 1000 characters");
        }
    }
}
