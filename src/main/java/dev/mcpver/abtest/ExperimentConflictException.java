package dev.mcpver.abtest;

import java.io.Serial;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The request is valid but clashes with the current state: a duplicate name, a status transition that is not
 * allowed, observations for an experiment that is not running, an idempotency key reused for a different batch.
 */
public final class ExperimentConflictException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Which conflict; the HTTP edge uses it as the problem type. */
    public enum Kind {
        DUPLICATE_NAME,
        INVALID_TRANSITION,
        NOT_RUNNING,
        IDEMPOTENCY_KEY_REUSED
    }

    private final Kind kind;
    private final @Nullable ExperimentStatus status;

    @SuppressWarnings("serial") // never serialised
    private final List<String> allowedNextStates;

    public ExperimentConflictException(Kind kind, String message, @Nullable ExperimentStatus status) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.allowedNextStates = status == null ? List.of() : wireNames(status.allowedNext());
    }

    public Kind kind() {
        return kind;
    }

    /** The experiment's current status, when the conflict is about it. */
    public @Nullable ExperimentStatus status() {
        return status;
    }

    public List<String> allowedNextStates() {
        return allowedNextStates;
    }

    private static List<String> wireNames(Set<ExperimentStatus> states) {
        return states.stream().sorted().map(ExperimentStatus::wireName).toList();
    }
}
