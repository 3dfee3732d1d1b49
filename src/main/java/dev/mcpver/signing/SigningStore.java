package dev.mcpver.signing;

import dev.mcpver.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence of public keys and version signatures; each change commits with its audit entry. Thread-safe. */
public interface SigningStore {
    /** False when the id is taken. */
    boolean insertKey(SigningKey key, AuditEvent event);

    Optional<SigningKey> findKey(String id);

    List<SigningKey> keys();

    /** Marks a key revoked; false when it does not exist or was revoked already. */
    boolean revokeKey(String id, Instant at, String by, AuditEvent event);

    void insertSignature(VersionSignature signature, AuditEvent event);

    /** A version's signatures, oldest first. */
    List<VersionSignature> signatures(String versionId);
}
