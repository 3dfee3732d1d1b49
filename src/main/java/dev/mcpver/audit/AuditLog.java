package dev.mcpver.audit;

/**
 * The port every feature records state changes through. Thread-safe; appends are serialised so the chain stays
 * linear.
 *
 * <pre>{@code
 * auditLog.record(AuditEvent.of(actor, "rollback.execute", "deployment", id, before, after));
 * }</pre>
 *
 * <p>{@link #record} commits the entry in its own transaction. A store class that changes state should instead
 * append in the same transaction as the change (the store's {@code SqlAuditLog.append(handle, event)}), so the
 * change and its entry commit together.
 */
@FunctionalInterface
public interface AuditLog {
    /** Appends one entry and returns it once committed. */
    AuditEntry record(AuditEvent event);
}
