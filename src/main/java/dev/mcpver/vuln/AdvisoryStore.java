package dev.mcpver.vuln;

import dev.mcpver.audit.AuditEvent;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Persistence of imported advisories, looked up by the package names they affect. Thread-safe. */
public interface AdvisoryStore {
    /** What an upsert did. */
    enum Upsert {
        INSERTED,
        UPDATED,
        UNCHANGED
    }

    /**
     * Stores an advisory, replacing an older copy (same id); a copy with the same {@code modified} stamp is left
     * alone. The event is appended only when something changed.
     */
    Upsert upsert(OsvAdvisory advisory, AuditEvent event);

    Optional<OsvAdvisory> find(String id);

    /** Advisories affecting any of these package names (compared lower-cased). */
    List<OsvAdvisory> affecting(Collection<String> packageNames);

    /** Every advisory, ordered by id. */
    List<OsvAdvisory> all();

    long count();
}
