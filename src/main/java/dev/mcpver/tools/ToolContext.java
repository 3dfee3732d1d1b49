package dev.mcpver.tools;

import dev.mcpver.auth.Caller;
import org.jspecify.annotations.Nullable;

/**
 * Who calls a tool and on whose behalf.
 *
 * @param caller the authenticated caller; the catalog checks the tool's role against it
 * @param requestId correlation id (HTTP request id, MCP request id or agent step)
 * @param runId the agent run this call belongs to, when the agent is the caller
 * @param confirmed a human confirmed this state-changing call (agent confirmation, or an explicit MCP flag)
 */
public record ToolContext(
        Caller caller, String requestId, @Nullable String runId, boolean confirmed) {
    public static ToolContext of(Caller caller, String requestId) {
        return new ToolContext(caller, requestId, null, false);
    }

    public ToolContext confirm() {
        return new ToolContext(caller, requestId, runId, true);
    }
}
