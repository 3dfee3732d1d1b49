package dev.mcpver.rollback;

/**
 * Who asked for a state change, for the audit trail and the execution history.
 *
 * @param subject the caller's subject ({@code token:<id>}, {@code local}, {@code system})
 * @param requestId correlation id of the request, CLI invocation or scheduled job
 */
public record Initiator(String subject, String requestId) {
    public Initiator {
        if (subject.isBlank() || requestId.isBlank()) {
            throw new IllegalArgumentException("an initiator needs a subject and a request id");
        }
    }

    /** mcpver acting on its own (recovery after a crash, scheduled updates). */
    public static Initiator system(String requestId) {
        return new Initiator("system", requestId);
    }
}
