package dev.mcpver.rollback;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Port: rollback points, their file lists and the execution history. Writes are audited in their transaction. */
public interface RollbackStore {
    void insert(RollbackPoint point, Manifest manifest, Initiator who);

    Optional<RollbackPoint> find(String id);

    /** Newest first; every deployment when {@code deployment} is null. */
    List<RollbackPoint> list(@Nullable DeploymentId deployment);

    /** The stored file list of a point. */
    Manifest manifest(String pointId);

    void delete(String pointId, String reason, Initiator who);

    /** Digests referenced by at least one point. */
    Set<String> referencedBlobs();

    /** Points that retention must keep: used by a migration in flight or by a restore awaiting confirmation. */
    Set<String> pinnedPoints();

    void startExecution(Execution execution);

    Execution finishExecution(String id, Execution.Status status, Map<String, String> detail);

    Optional<Execution> execution(String id);

    /** Newest first, filtered by whichever of deployment and point is given. */
    List<Execution> executions(@Nullable DeploymentId deployment, @Nullable String pointId, int limit);

    /** Executions still marked running (after a crash). */
    List<Execution> running();
}
