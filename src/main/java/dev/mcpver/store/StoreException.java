package dev.mcpver.store;

/** The database is unreachable, a migration failed, or a statement failed for an infrastructure reason. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
