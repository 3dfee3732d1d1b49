package dev.mcpver.store;

import dev.mcpver.audit.AuditEvent;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentState;
import dev.mcpver.rollback.DeploymentStore;
import dev.mcpver.rollback.Initiator;
import dev.mcpver.rollback.InstalledRelease;
import dev.mcpver.rollback.RollbackException;
import dev.mcpver.rollback.SwitchCause;
import dev.mcpver.rollback.SwitchRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Deployments in {@code deployments}, their switch history in {@code deployment_switches}. A switch is one write
 * transaction: compare-and-set on the revision, the history row (unique per cause) and the audit entry. Thread-safe.
 */
public final class SqlDeploymentStore implements DeploymentStore {
    private static final String COLUMNS = "server, environment, state_json, revision, created_at, updated_at";

    private final Database database;
    private final SqlAuditLog audit;
    private final Clock clock;

    public SqlDeploymentStore(Database database, SqlAuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Deployment create(DeploymentId id, DeploymentState state, Initiator who) {
        Instant now = clock.instant();
        Deployment deployment = new Deployment(id, state, 0, now, now);
        return database.inWriteTransaction(handle -> {
            if (find(handle, id).isPresent()) {
                throw RollbackException.conflict("deployment " + id + " exists already");
            }
            handle.createUpdate("INSERT INTO deployments (server, environment, version, release_dir, state_json,"
                            + " revision, created_at, updated_at) VALUES (:server, :env, :version, :dir, :state, 0,"
                            + " :at, :at)")
                    .bind("server", id.server())
                    .bind("env", id.environment())
                    .bind("version", state.version())
                    .bind("dir", state.releaseDir())
                    .bind("state", StoredJson.write(state))
                    .bind("at", now.toString())
                    .execute();
            audit.append(handle, event(who, "deployment.create", id, null, state));
            return deployment;
        });
    }

    @Override
    public Optional<Deployment> find(DeploymentId id) {
        return database.jdbi().withHandle(handle -> find(handle, id));
    }

    private static Optional<Deployment> find(Handle handle, DeploymentId id) {
        return handle.createQuery(
                        "SELECT " + COLUMNS + " FROM deployments WHERE server = :server AND environment = :env")
                .bind("server", id.server())
                .bind("env", id.environment())
                .map((rs, ctx) -> deployment(rs))
                .findOne();
    }

    @Override
    public List<Deployment> list() {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT " + COLUMNS + " FROM deployments ORDER BY server, environment")
                        .map((rs, ctx) -> deployment(rs))
                        .list());
    }

    @Override
    public Deployment switchState(
            DeploymentId id, long expectedRevision, DeploymentState next, SwitchCause cause, Initiator who) {
        Instant now = clock.instant();
        return database.inWriteTransaction(handle -> {
            Deployment current = find(handle, id).orElseThrow(() -> RollbackException.notFound("no deployment " + id));
            if (current.revision() != expectedRevision) {
                throw RollbackException.conflict("deployment " + id + " is at revision " + current.revision()
                        + ", expected " + expectedRevision + ": it was switched meanwhile");
            }
            if (switchFor(handle, cause).isPresent()) {
                throw RollbackException.conflict("switch " + cause + " was applied already");
            }
            long revision = expectedRevision + 1;
            update(handle, id, next, revision, now);
            insertSwitch(handle, new SwitchRecord(id, revision, current.state(), next, cause, who.subject(), now));
            audit.append(handle, event(who, "deployment.switch", id, current.state(), next));
            return new Deployment(id, next, revision, current.createdAt(), now);
        });
    }

    private static void update(Handle handle, DeploymentId id, DeploymentState next, long revision, Instant now) {
        handle.createUpdate("UPDATE deployments SET version = :version, release_dir = :dir, state_json = :state,"
                        + " revision = :revision, updated_at = :at WHERE server = :server AND environment = :env")
                .bind("version", next.version())
                .bind("dir", next.releaseDir())
                .bind("state", StoredJson.write(next))
                .bind("revision", revision)
                .bind("at", now.toString())
                .bind("server", id.server())
                .bind("env", id.environment())
                .execute();
    }

    private static void insertSwitch(Handle handle, SwitchRecord record) {
        handle.createUpdate("INSERT INTO deployment_switches (server, environment, revision, before_json, after_json,"
                        + " cause_kind, cause_id, subject, at) VALUES (:server, :env, :revision, :before, :after,"
                        + " :kind, :causeId, :subject, :at)")
                .bind("server", record.deployment().server())
                .bind("env", record.deployment().environment())
                .bind("revision", record.revision())
                .bind("before", StoredJson.write(record.before()))
                .bind("after", StoredJson.write(record.after()))
                .bind("kind", record.cause().kind())
                .bind("causeId", record.cause().id())
                .bind("subject", record.subject())
                .bind("at", record.at().toString())
                .execute();
    }

    @Override
    public List<SwitchRecord> switches(DeploymentId id, int limit) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT * FROM deployment_switches WHERE server = :server"
                                + " AND environment = :env ORDER BY revision DESC LIMIT :limit")
                        .bind("server", id.server())
                        .bind("env", id.environment())
                        .bind("limit", limit)
                        .map((rs, ctx) -> switchRecord(rs))
                        .list());
    }

    @Override
    public Optional<SwitchRecord> switchFor(SwitchCause cause) {
        return database.jdbi().withHandle(handle -> switchFor(handle, cause));
    }

    private static Optional<SwitchRecord> switchFor(Handle handle, SwitchCause cause) {
        return handle.createQuery("SELECT * FROM deployment_switches WHERE cause_kind = :kind AND cause_id = :id")
                .bind("kind", cause.kind())
                .bind("id", cause.id())
                .map((rs, ctx) -> switchRecord(rs))
                .findOne();
    }

    @Override
    public void recordRelease(InstalledRelease release, Initiator who) {
        database.inWriteTransaction(handle -> {
            deleteRelease(handle, release.deployment(), release.releaseDir());
            handle.createUpdate("INSERT INTO deployment_releases (server, environment, release_dir, version,"
                            + " manifest_hash, source_json, installed_at) VALUES (:server, :env, :dir, :version,"
                            + " :manifest, :source, :at)")
                    .bind("server", release.deployment().server())
                    .bind("env", release.deployment().environment())
                    .bind("dir", release.releaseDir())
                    .bind("version", release.version())
                    .bind("manifest", release.manifestHash())
                    .bind("source", StoredJson.write(release))
                    .bind("at", release.installedAt().toString())
                    .execute();
            return audit.append(handle, event(who, "deployment.install", release.deployment(), null, release));
        });
    }

    @Override
    public Optional<InstalledRelease> release(DeploymentId id, String releaseDir) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT source_json FROM deployment_releases WHERE server ="
                                + " :server AND environment = :env AND release_dir = :dir")
                        .bind("server", id.server())
                        .bind("env", id.environment())
                        .bind("dir", releaseDir)
                        .mapTo(String.class)
                        .findOne()
                        .map(json -> StoredJson.read(json, InstalledRelease.class)));
    }

    @Override
    public void forgetRelease(DeploymentId id, String releaseDir) {
        database.inWriteTransaction(handle -> {
            deleteRelease(handle, id, releaseDir);
            return null;
        });
    }

    private static void deleteRelease(Handle handle, DeploymentId id, String releaseDir) {
        handle.createUpdate("DELETE FROM deployment_releases WHERE server = :server AND environment = :env AND"
                        + " release_dir = :dir")
                .bind("server", id.server())
                .bind("env", id.environment())
                .bind("dir", releaseDir)
                .execute();
    }

    private static SwitchRecord switchRecord(ResultSet rs) throws SQLException {
        return new SwitchRecord(
                new DeploymentId(rs.getString("server"), rs.getString("environment")),
                rs.getLong("revision"),
                StoredJson.read(rs.getString("before_json"), DeploymentState.class),
                StoredJson.read(rs.getString("after_json"), DeploymentState.class),
                new SwitchCause(rs.getString("cause_kind"), rs.getString("cause_id")),
                rs.getString("subject"),
                Instant.parse(rs.getString("at")));
    }

    private static Deployment deployment(ResultSet rs) throws SQLException {
        return new Deployment(
                new DeploymentId(rs.getString("server"), rs.getString("environment")),
                StoredJson.read(rs.getString("state_json"), DeploymentState.class),
                rs.getLong("revision"),
                Instant.parse(rs.getString("created_at")),
                Instant.parse(rs.getString("updated_at")));
    }

    static AuditEvent event(
            Initiator who, String action, DeploymentId id, @Nullable Object before, @Nullable Object after) {
        return new AuditEvent(
                who.subject(),
                action,
                "deployment",
                id.toString(),
                before == null ? null : StoredJson.tree(before),
                after == null ? null : StoredJson.tree(after),
                who.requestId());
    }
}
