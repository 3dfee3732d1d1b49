package dev.mcpver.agent;

/** A request the agent cannot serve: unknown ids, a run in the wrong state, invalid input or missing rights. */
public final class AgentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of problem, so each door can answer in its own terms (404, 409, 400, 403). */
    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID,
        FORBIDDEN
    }

    private final Kind kind;

    public AgentException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static AgentException notFound(String what, String id) {
        return new AgentException(Kind.NOT_FOUND, "no " + what + " with id '" + id + "'");
    }

    static AgentException invalid(String message) {
        return new AgentException(Kind.INVALID, message);
    }

    static AgentException conflict(String message) {
        return new AgentException(Kind.CONFLICT, message);
    }
}
