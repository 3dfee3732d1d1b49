package dev.mcpver.compliance;

import dev.mcpver.audit.AuditEvent;
import java.util.List;
import java.util.Optional;

/** Persistence of compliance rules; each change commits with its audit entry. Thread-safe. */
public interface ComplianceStore {
    void insert(ComplianceRule rule, AuditEvent event);

    Optional<ComplianceRule> find(String id);

    /** Every rule, enabled or not, oldest first. */
    List<ComplianceRule> all();

    /** Disables a rule; false when it does not exist or is disabled already. */
    boolean disable(String id, AuditEvent event);
}
