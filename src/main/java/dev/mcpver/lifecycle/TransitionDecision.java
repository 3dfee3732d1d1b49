package dev.mcpver.lifecycle;

import dev.mcpver.auth.Role;
import java.util.List;

/** Whether a caller may move a version from one stage to another. */
public sealed interface TransitionDecision {
    /** The move is in the table and the caller's role suffices (gates may still refuse it). */
    record Allowed(Transition transition) implements TransitionDecision {}

    /** The move is not in the table; {@code allowedNext} are the stages reachable from {@code from}. */
    record NotAllowed(Stage from, Stage to, List<Stage> allowedNext) implements TransitionDecision {
        public NotAllowed {
            allowedNext = List.copyOf(allowedNext);
        }
    }

    /** The move is in the table but needs more power than the caller has. */
    record Forbidden(Transition transition, Role callerRole) implements TransitionDecision {}
}
