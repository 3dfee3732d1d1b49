package dev.mcpver.agent;

import java.util.List;
import java.util.Set;

/**
 * One row of the offline planner's intent table: when it applies, which tools it needs, and its plan. The planner
 * tries intents in table order and skips those whose {@link #requiredTools()} are not all offered in the request, so
 * a feature adds intents (usually ahead of more generic ones) without touching the planner.
 */
public interface Intent {
    /** Stable id, recorded in the kickoff thought ({@code upgrade_check}). */
    String name();

    /** Tools the plan calls; the intent is skipped unless all are available. */
    Set<String> requiredTools();

    /** Example requests, shown when nothing matched. */
    List<String> examples();

    /** Whether the request triggers this intent and carries the entities it needs. */
    boolean matches(ParsedRequest request);

    IntentPlan plan(ParsedRequest request);
}
