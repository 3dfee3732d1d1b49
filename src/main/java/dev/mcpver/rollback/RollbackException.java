package dev.mcpver.rollback;

/** A request the rollback engine refuses: unknown ids, state conflicts. Doors map {@link #reason()} to 404/409. */
public final class RollbackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Reason {
        NOT_FOUND,
        CONFLICT
    }

    private final Reason reason;

    public RollbackException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public static RollbackException notFound(String message) {
        return new RollbackException(Reason.NOT_FOUND, message);
    }

    public static RollbackException conflict(String message) {
        return new RollbackException(Reason.CONFLICT, message);
    }

    public Reason reason() {
        return reason;
    }
}
