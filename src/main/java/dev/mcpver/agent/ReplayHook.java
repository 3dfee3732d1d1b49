package dev.mcpver.agent;

import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolOutcome;
import java.util.Optional;

/** Lets a verify replay substitute recorded results for state-changing tools and compare every result. */
interface ReplayHook {
    ReplayHook NONE = new ReplayHook() {};

    /** A recorded outcome to use instead of running a state-changing tool (never re-run in a replay). */
    default Optional<ToolOutcome> substitute(PendingCall call, ToolDef def) {
        return Optional.empty();
    }

    /** Sees each recorded tool result. */
    default void observe(PendingCall call, Step resultStep, ToolOutcome outcome) {}
}
