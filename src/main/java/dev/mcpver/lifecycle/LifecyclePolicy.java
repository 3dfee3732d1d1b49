package dev.mcpver.lifecycle;

import dev.mcpver.auth.Role;
import java.util.List;
import java.util.Optional;

/**
 * The explicit table of allowed stage transitions and the role each needs. Immutable and thread-safe.
 *
 * <pre>
 * development → testing, archived                   operator
 * testing     → staging, development, archived      operator
 * staging     → production (gated)                  operator
 * staging     → testing, archived                   operator
 * production  → deprecated                          operator
 * deprecated  → production (gated, reinstate)       admin
 * deprecated  → archived                            admin
 * archived    → (terminal)
 * </pre>
 *
 * Production is reached only through the gates. A production version is deprecated before it can be archived, so
 * a version in use never disappears in one step; undoing a deprecation or archiving a deprecated version, which
 * affect running consumers, take an admin.
 */
public final class LifecyclePolicy {
    private static final LifecyclePolicy STANDARD = new LifecyclePolicy(List.of(
            new Transition(Stage.DEVELOPMENT, Stage.TESTING, Role.OPERATOR, false),
            new Transition(Stage.DEVELOPMENT, Stage.ARCHIVED, Role.OPERATOR, false),
            new Transition(Stage.TESTING, Stage.STAGING, Role.OPERATOR, false),
            new Transition(Stage.TESTING, Stage.DEVELOPMENT, Role.OPERATOR, false),
            new Transition(Stage.TESTING, Stage.ARCHIVED, Role.OPERATOR, false),
            new Transition(Stage.STAGING, Stage.PRODUCTION, Role.OPERATOR, true),
            new Transition(Stage.STAGING, Stage.TESTING, Role.OPERATOR, false),
            new Transition(Stage.STAGING, Stage.ARCHIVED, Role.OPERATOR, false),
            new Transition(Stage.PRODUCTION, Stage.DEPRECATED, Role.OPERATOR, false),
            new Transition(Stage.DEPRECATED, Stage.PRODUCTION, Role.ADMIN, true),
            new Transition(Stage.DEPRECATED, Stage.ARCHIVED, Role.ADMIN, false)));

    private final List<Transition> transitions;

    private LifecyclePolicy(List<Transition> transitions) {
        this.transitions = List.copyOf(transitions);
    }

    /** The table above. */
    public static LifecyclePolicy standard() {
        return STANDARD;
    }

    /** Every transition, in table order. */
    public List<Transition> transitions() {
        return transitions;
    }

    /** The stage every new version starts in. */
    public Stage initial() {
        return Stage.DEVELOPMENT;
    }

    public Optional<Transition> find(Stage from, Stage to) {
        return transitions.stream()
                .filter(t -> t.from() == from && t.to() == to)
                .findFirst();
    }

    /** Stages reachable from {@code from} in one move, whatever the role. */
    public List<Stage> next(Stage from) {
        return transitions.stream()
                .filter(t -> t.from() == from)
                .map(Transition::to)
                .toList();
    }

    /** Whether a caller with {@code role} may move a version from {@code from} to {@code to}. */
    public TransitionDecision decide(Stage from, Stage to, Role role) {
        Optional<Transition> transition = find(from, to);
        if (transition.isEmpty()) {
            return new TransitionDecision.NotAllowed(from, to, next(from));
        }
        if (!role.includes(transition.get().role())) {
            return new TransitionDecision.Forbidden(transition.get(), role);
        }
        return new TransitionDecision.Allowed(transition.get());
    }
}
