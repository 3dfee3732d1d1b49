package dev.mcpver.registry;

import dev.mcpver.auth.Role;
import dev.mcpver.lifecycle.GateReport;
import dev.mcpver.lifecycle.Stage;
import dev.mcpver.lifecycle.Transition;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What asking to move a version to another stage did. */
public sealed interface TransitionOutcome {
    /** The version moved; {@code report} is set when the move was gated. */
    record Moved(ServerVersion version, @Nullable GateReport report) implements TransitionOutcome {}

    record NotFound(String versionId) implements TransitionOutcome {}

    /** The table has no such move; {@code allowedNext} are the moves it has from {@code from}. */
    record NotAllowed(Stage from, Stage to, List<Stage> allowedNext) implements TransitionOutcome {}

    /** The move needs {@code transition.role()}; the caller has less. */
    record Forbidden(Transition transition, Role callerRole) implements TransitionOutcome {}

    /** A gate refused; the report (stored) says which and why. */
    record GatesFailed(GateReport report) implements TransitionOutcome {}

    /** Someone changed the version first (optimistic locking); re-read and retry if still wanted. */
    record Conflict(String versionId, long expectedRevision, long currentRevision) implements TransitionOutcome {}
}
