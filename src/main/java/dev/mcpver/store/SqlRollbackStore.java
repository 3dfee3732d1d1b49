package dev.mcpver.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mcpver.audit.AuditEvent;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentState;
import dev.mcpver.rollback.Execution;
import dev.mcpver.rollback.FileEntry;
import dev.mcpver.rollback.Initiator;
import dev.mcpver.rollback.Manifest;
import dev.mcpver.rollback.RollbackException;
import dev.mcpver.rollback.RollbackPoint;
import dev.mcpver.rollback.RollbackStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * Rollback points ({@code rollback_points}, {@code rollback_point_files}) and their execution history
 * ({@code rollback_executions}). A point and its file list commit together with the audit entry. Thread-safe.
 */
public final class SqlRollbackStore implements RollbackStore {
    private static final String POINT_COLUMNS = "id, server, environment, state_json, manifest_hash, file_count,"
            + " total_bytes, description, tags_json, created_at, expires_at";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<TreeMap<String, String>> DETAIL = new TypeReference<>() {};

    private final Database database;
    private final SqlAuditLog audit;
    private final Clock clock;

    public SqlRollbackStore(Database database, SqlAuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void insert(RollbackPoint point, Manifest manifest, Initiator who) {
        database.inWriteTransaction(handle -> {
            insertPoint(handle, point);
            insertFiles(handle, point.id(), manifest);
            return audit.append(handle, event(who, "rollback.create", point.id(), null, summary(point)));
        });
    }

    private static void insertPoint(Handle handle, RollbackPoint point) {
        handle.createUpdate("INSERT INTO rollback_points (" + POINT_COLUMNS + ", version) VALUES (:id, :server, :env,"
                        + " :state, :manifest, :files, :bytes, :description, :tags, :createdAt, :expiresAt, :version)")
                .bind("id", point.id())
                .bind("server", point.deployment().server())
                .bind("env", point.deployment().environment())
                .bind("state", StoredJson.write(point.state()))
                .bind("manifest", point.manifestHash())
                .bind("files", point.fileCount())
                .bind("bytes", point.totalBytes())
                .bind("description", point.description())
                .bind("tags", StoredJson.write(point.tags()))
                .bind("createdAt", point.createdAt().toString())
                .bind(
                        "expiresAt",
                        point.expiresAt() == null ? null : point.expiresAt().toString())
                .bind("version", point.version())
                .execute();
    }

    private static void insertFiles(Handle handle, String pointId, Manifest manifest) {
        PreparedBatch batch = handle.prepareBatch("INSERT INTO rollback_point_files (point_id, path, kind, sha256,"
                + " size, executable, link_target) VALUES (:point, :path, :kind, :sha, :size, :exec, :target)");
        for (FileEntry file : manifest.files()) {
            batch.bind("point", pointId)
                    .bind("path", file.path())
                    .bind("kind", file.kind().name())
                    .bind("sha", file.sha256())
                    .bind("size", file.size())
                    .bind("exec", file.executable() ? 1 : 0)
                    .bind("target", file.linkTarget())
                    .add();
        }
        if (!manifest.files().isEmpty()) {
            batch.execute();
        }
    }

    @Override
    public Optional<RollbackPoint> find(String id) {
        return database.jdbi()
                .withHandle(
                        handle -> handle.createQuery("SELECT " + POINT_COLUMNS + " FROM rollback_points WHERE id = :id")
                                .bind("id", id)
                                .map((rs, ctx) -> point(rs))
                                .findOne());
    }

    @Override
    public List<RollbackPoint> list(@Nullable DeploymentId deployment) {
        String where = deployment == null ? "" : " WHERE server = :server AND environment = :env";
        return database.jdbi().withHandle(handle -> {
            Query query = handle.createQuery(
                    "SELECT " + POINT_COLUMNS + " FROM rollback_points" + where + " ORDER BY id DESC");
            bindDeployment(query, deployment);
            return query.map((rs, ctx) -> point(rs)).list();
        });
    }

    @Override
    public Manifest manifest(String pointId) {
        return new Manifest(database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT path, kind, sha256, size, executable, link_target"
                                + " FROM rollback_point_files WHERE point_id = :id")
                        .bind("id", pointId)
                        .map((rs, ctx) -> file(rs))
                        .list()));
    }

    @Override
    public void delete(String pointId, String reason, Initiator who) {
        database.inWriteTransaction(handle -> {
            RollbackPoint point = handle.createQuery("SELECT " + POINT_COLUMNS + " FROM rollback_points WHERE id = :id")
                    .bind("id", pointId)
                    .map((rs, ctx) -> point(rs))
                    .findOne()
                    .orElseThrow(() -> RollbackException.notFound("no rollback point " + pointId));
            handle.createUpdate("DELETE FROM rollback_point_files WHERE point_id = :id")
                    .bind("id", pointId)
                    .execute();
            handle.createUpdate("DELETE FROM rollback_points WHERE id = :id")
                    .bind("id", pointId)
                    .execute();
            Map<String, Object> after = Map.of("deleted", true, "reason", reason);
            return audit.append(handle, event(who, "rollback.delete", pointId, summary(point), after));
        });
    }

    @Override
    public Set<String> referencedBlobs() {
        return new HashSet<>(database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT DISTINCT sha256 FROM rollback_point_files WHERE kind = 'FILE'")
                        .mapTo(String.class)
                        .list()));
    }

    @Override
    public Set<String> pinnedPoints() {
        return new HashSet<>(database.jdbi()
                .withHandle(
                        handle -> handle.createQuery("SELECT point_id FROM rollback_executions WHERE kind = 'RESTORE'"
                                        + " AND status IN ('RUNNING', 'AWAITING_CONFIRMATION') AND point_id IS NOT NULL"
                                        + " UNION SELECT rollback_point_id FROM migrations WHERE status IN ('pending',"
                                        + " 'running', 'rolling_back') AND rollback_point_id IS NOT NULL")
                                .mapTo(String.class)
                                .list()));
    }

    @Override
    public void startExecution(Execution execution) {
        database.inWriteTransaction(handle -> handle.createUpdate("INSERT INTO rollback_executions (id, kind, status,"
                        + " point_id, server, environment, subject, request_id, started_at, finished_at, detail_json)"
                        + " VALUES (:id, :kind, :status, :point, :server, :env, :subject, :requestId, :startedAt,"
                        + " :finishedAt, :detail)")
                .bind("id", execution.id())
                .bind("kind", execution.kind().name())
                .bind("status", execution.status().name())
                .bind("point", execution.pointId())
                .bind(
                        "server",
                        execution.deployment() == null
                                ? null
                                : execution.deployment().server())
                .bind(
                        "env",
                        execution.deployment() == null
                                ? null
                                : execution.deployment().environment())
                .bind("subject", execution.initiator().subject())
                .bind("requestId", execution.initiator().requestId())
                .bind("startedAt", execution.startedAt().toString())
                .bind(
                        "finishedAt",
                        execution.finishedAt() == null
                                ? null
                                : execution.finishedAt().toString())
                .bind("detail", StoredJson.write(execution.detail()))
                .execute());
    }

    @Override
    public Execution finishExecution(String id, Execution.Status status, Map<String, String> detail) {
        Instant now = clock.instant();
        return database.inWriteTransaction(handle -> {
            Execution before =
                    execution(handle, id).orElseThrow(() -> RollbackException.notFound("no execution " + id));
            Map<String, String> merged = new LinkedHashMap<>(before.detail());
            merged.putAll(detail);
            handle.createUpdate("UPDATE rollback_executions SET status = :status, finished_at = :at, detail_json ="
                            + " :detail WHERE id = :id")
                    .bind("status", status.name())
                    .bind("at", status == Execution.Status.RUNNING ? null : now.toString())
                    .bind("detail", StoredJson.write(merged))
                    .bind("id", id)
                    .execute();
            Execution after = execution(handle, id).orElseThrow();
            if (before.kind() == Execution.Kind.RESTORE || before.kind() == Execution.Kind.PRUNE) {
                audit.append(
                        handle,
                        new AuditEvent(
                                after.initiator().subject(),
                                "rollback." + before.kind().wireName() + "." + status.wireName(),
                                "rollback_execution",
                                id,
                                null,
                                StoredJson.tree(merged),
                                after.initiator().requestId()));
            }
            return after;
        });
    }

    @Override
    public Optional<Execution> execution(String id) {
        return database.jdbi().withHandle(handle -> execution(handle, id));
    }

    private static Optional<Execution> execution(Handle handle, String id) {
        return handle.createQuery("SELECT * FROM rollback_executions WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> execution(rs))
                .findOne();
    }

    @Override
    public List<Execution> executions(@Nullable DeploymentId deployment, @Nullable String pointId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM rollback_executions WHERE 1 = 1");
        if (deployment != null) {
            sql.append(" AND server = :server AND environment = :env");
        }
        if (pointId != null) {
            sql.append(" AND point_id = :point");
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        return database.jdbi().withHandle(handle -> {
            Query query = handle.createQuery(sql.toString()).bind("limit", limit);
            bindDeployment(query, deployment);
            if (pointId != null) {
                query.bind("point", pointId);
            }
            return query.map((rs, ctx) -> execution(rs)).list();
        });
    }

    private static void bindDeployment(Query query, @Nullable DeploymentId deployment) {
        if (deployment != null) {
            query.bind("server", deployment.server()).bind("env", deployment.environment());
        }
    }

    @Override
    public List<Execution> running() {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT * FROM rollback_executions WHERE status = 'RUNNING' ORDER BY id")
                        .map((rs, ctx) -> execution(rs))
                        .list());
    }

    private static Execution execution(ResultSet rs) throws SQLException {
        String server = rs.getString("server");
        String finished = rs.getString("finished_at");
        return new Execution(
                rs.getString("id"),
                Execution.Kind.valueOf(rs.getString("kind")),
                Execution.Status.valueOf(rs.getString("status")),
                rs.getString("point_id"),
                server == null ? null : new DeploymentId(server, rs.getString("environment")),
                new Initiator(rs.getString("subject"), rs.getString("request_id")),
                Instant.parse(rs.getString("started_at")),
                finished == null ? null : Instant.parse(finished),
                StoredJson.read(rs.getString("detail_json"), DETAIL));
    }

    private static RollbackPoint point(ResultSet rs) throws SQLException {
        String expires = rs.getString("expires_at");
        return new RollbackPoint(
                rs.getString("id"),
                new DeploymentId(rs.getString("server"), rs.getString("environment")),
                StoredJson.read(rs.getString("state_json"), DeploymentState.class),
                rs.getString("manifest_hash"),
                rs.getInt("file_count"),
                rs.getLong("total_bytes"),
                rs.getString("description"),
                StoredJson.read(rs.getString("tags_json"), STRINGS),
                Instant.parse(rs.getString("created_at")),
                expires == null ? null : Instant.parse(expires));
    }

    private static FileEntry file(ResultSet rs) throws SQLException {
        return new FileEntry(
                rs.getString("path"),
                FileEntry.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getString("sha256"),
                rs.getLong("size"),
                rs.getInt("executable") != 0,
                rs.getString("link_target"));
    }

    private static Map<String, Object> summary(RollbackPoint point) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("deployment", point.deployment().toString());
        summary.put("version", point.version());
        summary.put("manifestHash", point.manifestHash());
        summary.put("files", point.fileCount());
        summary.put("bytes", point.totalBytes());
        summary.put("tags", point.tags());
        return summary;
    }

    private static AuditEvent event(
            Initiator who, String action, String pointId, @Nullable Object before, @Nullable Object after) {
        return new AuditEvent(
                who.subject(),
                action,
                "rollback_point",
                pointId,
                before == null ? null : StoredJson.tree(before),
                after == null ? null : StoredJson.tree(after),
                who.requestId());
    }
}
