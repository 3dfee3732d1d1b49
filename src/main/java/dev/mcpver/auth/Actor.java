package dev.mcpver.auth;

/**
 * Who performs a state change, and in which request: what every service call that changes state receives, so the
 * audit trail can name the actor and correlate the entry with logs.
 *
 * @param caller the authenticated caller (its role is checked again by services whose rules depend on the data)
 * @param requestId the HTTP request id, MCP request id, agent step or CLI invocation id
 */
public record Actor(Caller caller, String requestId) {
    public Actor {
        if (requestId.isBlank()) {
            throw new IllegalArgumentException("an actor needs a request id");
        }
    }

    /** The subject recorded in the audit trail. */
    public String subject() {
        return caller.subject();
    }

    public Role role() {
        return caller.role();
    }
}
