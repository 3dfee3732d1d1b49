package dev.mcpver.audit;

import java.util.List;
import java.util.function.Consumer;

/** Reading and checking the audit trail. Thread-safe. */
public interface AuditTrail {
    /**
     * Entries after {@code afterSeq} in ascending order, at most {@code limit}, optionally only those about one
     * target.
     */
    List<AuditEntry> page(AuditQuery query);

    /** Streams every entry in ascending order (export); the consumer runs while the store reads. */
    void forEach(Consumer<AuditEntry> consumer);

    /** Walks the whole chain and checks every link and the head. */
    AuditVerification verify();
}
