package dev.mcpver.registry;

import dev.mcpver.audit.AuditEvent;
import dev.mcpver.lifecycle.Stage;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Persistence of servers, versions, attestations and gate reports. Every change commits with its audit entry.
 * Thread-safe.
 */
public interface RegistryStore {
    /** Stores a new server; false when the name is taken. */
    boolean insertServer(Server server, AuditEvent event);

    /** Replaces a server's definition if its revision is still {@code expectedRevision}; false otherwise. */
    boolean updateServer(Server updated, long expectedRevision, AuditEvent event);

    Optional<Server> findServer(String id);

    Optional<Server> findServerByName(String name);

    Page<Server> listServers(ServerQuery query);

    /**
     * Stores a new version; false when the server already has a version of the same precedence (equal ignoring
     * build metadata).
     */
    boolean insertVersion(ServerVersion version, AuditEvent event);

    Optional<ServerVersion> findVersion(String id);

    /** Every version of a server, unordered; surfaces only when asked for (they can be large). */
    List<ServerVersion> versionsOf(String serverId, boolean withSurfaces);

    /** Every version in a stage, across servers, without surfaces. */
    List<ServerVersion> versionsIn(Stage stage);

    /**
     * Moves a version if its revision is still {@code expectedRevision} (optimistic locking), storing the gate
     * report that let it through, if any. False when someone changed it first.
     */
    boolean transition(
            ServerVersion updated, long expectedRevision, @Nullable StoredGateReport report, List<AuditEvent> events);

    /** Stores the report of gates that refused a promotion (the enforcement record). */
    void saveGateReport(StoredGateReport report, AuditEvent event);

    /** A version's gate reports, newest first. */
    List<StoredGateReport> gateReports(String versionId);

    void insertAttestation(Attestation attestation, AuditEvent event);

    /** A version's attestations, oldest first. */
    List<Attestation> attestations(String versionId);
}
