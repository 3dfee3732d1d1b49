package dev.mcpver.migrate;

/** A request the migration engine refuses: unknown ids, invalid plans, state conflicts. */
public final class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a request was refused; doors map it to 404, 409 or 422. */
    public enum Reason {
        NOT_FOUND,
        CONFLICT,
        INVALID
    }

    private final Reason reason;

    public MigrationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static MigrationException notFound(String message) {
        return new MigrationException(Reason.NOT_FOUND, message);
    }

    static MigrationException conflict(String message) {
        return new MigrationException(Reason.CONFLICT, message);
    }

    static MigrationException invalid(String message) {
        return new MigrationException(Reason.INVALID, message);
    }
}
