package dev.mcpver.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mcpver.audit.AuditEvent;
import dev.mcpver.migrate.Migration;
import dev.mcpver.migrate.MigrationEvent;
import dev.mcpver.migrate.MigrationException;
import dev.mcpver.migrate.MigrationPlan;
import dev.mcpver.migrate.MigrationStatus;
import dev.mcpver.migrate.MigrationStore;
import dev.mcpver.migrate.StepKind;
import dev.mcpver.migrate.StepRun;
import dev.mcpver.migrate.StepStatus;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.Initiator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * Plans, migrations, steps, events and artifacts in the {@code migration_*} tables. Every write is its own
 * committed transaction (a step's state survives {@code kill -9} before the next step starts). Thread-safe.
 */
public final class SqlMigrationStore implements MigrationStore {
    private static final String ACTIVE = "('pending', 'running', 'rolling_back')";
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

    private final Database database;
    private final SqlAuditLog audit;
    private final Clock clock;

    public SqlMigrationStore(Database database, SqlAuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public int nextPlanVersion(DeploymentId deployment, String toVersion) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT COALESCE(MAX(plan_version), 0) + 1 FROM"
                                + " migration_plans WHERE server = :server AND environment = :env AND to_version = :to")
                        .bind("server", deployment.server())
                        .bind("env", deployment.environment())
                        .bind("to", toVersion)
                        .mapTo(Integer.class)
                        .one());
    }

    @Override
    public void savePlan(MigrationPlan plan, Initiator who) {
        String json = StoredJson.write(plan);
        database.inWriteTransaction(handle -> {
            handle.createUpdate("INSERT INTO migration_plans (id, server, environment, from_version, to_version,"
                            + " plan_version, plan_json, plan_hash, created_at, created_by) VALUES (:id, :server, :env,"
                            + " :from, :to, :version, :json, :hash, :at, :by)")
                    .bind("id", plan.id())
                    .bind("server", plan.deployment().server())
                    .bind("env", plan.deployment().environment())
                    .bind("from", plan.source().version())
                    .bind("to", plan.toVersion())
                    .bind("version", plan.planVersion())
                    .bind("json", json)
                    .bind(
                            "hash",
                            dev.mcpver.json.CanonicalJson.sha256Hex(
                                    json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .bind("at", plan.createdAt().toString())
                    .bind("by", who.subject())
                    .execute();
            return audit.append(
                    handle,
                    new AuditEvent(
                            who.subject(),
                            "migration.plan",
                            "migration_plan",
                            plan.id(),
                            null,
                            StoredJson.tree(Map.of(
                                    "deployment",
                                    plan.deployment().toString(),
                                    "from",
                                    plan.fromVersion(),
                                    "to",
                                    plan.toVersion(),
                                    "planVersion",
                                    plan.planVersion())),
                            who.requestId()));
        });
    }

    @Override
    public Optional<MigrationPlan> plan(String id) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT plan_json FROM migration_plans WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .findOne()
                        .map(json -> StoredJson.read(json, MigrationPlan.class)));
    }

    @Override
    public List<MigrationPlan> plans(@Nullable DeploymentId deployment, int limit) {
        String where = deployment == null ? "" : " WHERE server = :server AND environment = :env";
        return database.jdbi().withHandle(handle -> {
            Query query = handle.createQuery(
                            "SELECT plan_json FROM migration_plans" + where + " ORDER BY id DESC LIMIT :limit")
                    .bind("limit", limit);
            bindDeployment(query, deployment);
            return query.mapTo(String.class)
                    .map(json -> StoredJson.read(json, MigrationPlan.class))
                    .list();
        });
    }

    @Override
    public void create(Migration migration, List<StepRun> steps) {
        database.inWriteTransaction(handle -> {
            long active = handle.createQuery("SELECT COUNT(*) FROM migrations WHERE server = :server AND environment"
                            + " = :env AND status IN " + ACTIVE)
                    .bind("server", migration.deployment().server())
                    .bind("env", migration.deployment().environment())
                    .mapTo(Long.class)
                    .one();
            if (active > 0) {
                throw new MigrationException(
                        MigrationException.Reason.CONFLICT,
                        "deployment " + migration.deployment() + " has a migration in progress; one runs at a time");
            }
            insert(handle, migration);
            steps.forEach(step -> upsertStep(handle, step));
            return audit.append(handle, event(migration, "migration.create"));
        });
    }

    private static void insert(Handle handle, Migration m) {
        handle.createUpdate(
                        "INSERT INTO migrations (id, plan_id, server, environment, from_version, to_version, dry_run,"
                                + " status, current_step, cause, rollback_point_id, subject, request_id, created_at, started_at,"
                                + " finished_at) VALUES (:id, :plan, :server, :env, :from, :to, :dry, :status, :step, :cause,"
                                + " :point, :subject, :requestId, :createdAt, :startedAt, :finishedAt)")
                .bind("id", m.id())
                .bind("plan", m.planId())
                .bind("server", m.deployment().server())
                .bind("env", m.deployment().environment())
                .bind("from", m.fromVersion())
                .bind("to", m.toVersion())
                .bind("dry", m.dryRun() ? 1 : 0)
                .bind("status", m.status().wireName())
                .bind("step", m.currentStep())
                .bind("cause", m.cause())
                .bind("point", m.rollbackPointId())
                .bind("subject", m.initiator().subject())
                .bind("requestId", m.initiator().requestId())
                .bind("createdAt", m.createdAt().toString())
                .bind("startedAt", text(m.startedAt()))
                .bind("finishedAt", text(m.finishedAt()))
                .execute();
    }

    @Override
    public Optional<Migration> find(String id) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT * FROM migrations WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> migration(rs))
                        .findOne());
    }

    @Override
    public List<Migration> list(@Nullable DeploymentId deployment, int limit) {
        String where = deployment == null ? "" : " WHERE server = :server AND environment = :env";
        return database.jdbi().withHandle(handle -> {
            Query query = handle.createQuery("SELECT * FROM migrations" + where + " ORDER BY id DESC LIMIT :limit")
                    .bind("limit", limit);
            bindDeployment(query, deployment);
            return query.map((rs, ctx) -> migration(rs)).list();
        });
    }

    @Override
    public List<Migration> unfinished() {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT * FROM migrations WHERE status IN " + ACTIVE + " ORDER BY id")
                        .map((rs, ctx) -> migration(rs))
                        .list());
    }

    @Override
    public void update(Migration m) {
        database.inWriteTransaction(handle -> {
            handle.createUpdate(
                            "UPDATE migrations SET status = :status, current_step = :step, cause = :cause,"
                                    + " rollback_point_id = :point, started_at = :startedAt, finished_at = :finishedAt WHERE id = :id")
                    .bind("status", m.status().wireName())
                    .bind("step", m.currentStep())
                    .bind("cause", m.cause())
                    .bind("point", m.rollbackPointId())
                    .bind("startedAt", text(m.startedAt()))
                    .bind("finishedAt", text(m.finishedAt()))
                    .bind("id", m.id())
                    .execute();
            if (m.status().terminal() || m.status() == MigrationStatus.ROLLING_BACK) {
                audit.append(handle, event(m, "migration." + m.status().wireName()));
            }
            return null;
        });
    }

    @Override
    public void updateStep(StepRun run) {
        database.inWriteTransaction(handle -> {
            upsertStep(handle, run);
            return null;
        });
    }

    private static void upsertStep(Handle handle, StepRun run) {
        handle.createUpdate("DELETE FROM migration_steps WHERE migration_id = :id AND idx = :idx")
                .bind("id", run.migrationId())
                .bind("idx", run.index())
                .execute();
        handle.createUpdate(
                        "INSERT INTO migration_steps (migration_id, idx, phase, kind, status, started_at, finished_at,"
                                + " duration_ms, effects_json, error) VALUES (:id, :idx, :phase, :kind, :status, :startedAt,"
                                + " :finishedAt, :duration, :effects, :error)")
                .bind("id", run.migrationId())
                .bind("idx", run.index())
                .bind("phase", run.phase().wireName())
                .bind("kind", run.kind().wireName())
                .bind("status", run.status().wireName())
                .bind("startedAt", text(run.startedAt()))
                .bind("finishedAt", text(run.finishedAt()))
                .bind("duration", run.durationMs())
                .bind("effects", StoredJson.write(run.effects()))
                .bind("error", run.error())
                .execute();
    }

    @Override
    public List<StepRun> steps(String migrationId) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT * FROM migration_steps WHERE migration_id = :id ORDER BY idx")
                        .bind("id", migrationId)
                        .map((rs, ctx) -> step(rs))
                        .list());
    }

    @Override
    public MigrationEvent appendEvent(String migrationId, String type, Map<String, String> data) {
        Instant at = clock.instant();
        return database.inWriteTransaction(handle -> {
            long seq = handle.createQuery(
                            "SELECT COALESCE(MAX(seq), 0) + 1 FROM migration_events WHERE migration_id = :id")
                    .bind("id", migrationId)
                    .mapTo(Long.class)
                    .one();
            handle.createUpdate("INSERT INTO migration_events (migration_id, seq, at, type, data_json) VALUES (:id,"
                            + " :seq, :at, :type, :data)")
                    .bind("id", migrationId)
                    .bind("seq", seq)
                    .bind("at", at.toString())
                    .bind("type", type)
                    .bind("data", StoredJson.write(data))
                    .execute();
            return new MigrationEvent(migrationId, seq, at, type, data);
        });
    }

    @Override
    public List<MigrationEvent> events(String migrationId, long afterSeq) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT * FROM migration_events WHERE migration_id = :id AND"
                                + " seq > :after ORDER BY seq")
                        .bind("id", migrationId)
                        .bind("after", afterSeq)
                        .map((rs, ctx) -> new MigrationEvent(
                                rs.getString("migration_id"),
                                rs.getLong("seq"),
                                Instant.parse(rs.getString("at")),
                                rs.getString("type"),
                                StoredJson.read(rs.getString("data_json"), MAP)))
                        .list());
    }

    @Override
    public void saveArtifact(String migrationId, String name, Object value) {
        String json = StoredJson.write(value);
        database.inWriteTransaction(handle -> {
            handle.createUpdate("DELETE FROM migration_artifacts WHERE migration_id = :id AND name = :name")
                    .bind("id", migrationId)
                    .bind("name", name)
                    .execute();
            return handle.createUpdate("INSERT INTO migration_artifacts (migration_id, name, value_json) VALUES (:id,"
                            + " :name, :json)")
                    .bind("id", migrationId)
                    .bind("name", name)
                    .bind("json", json)
                    .execute();
        });
    }

    @Override
    public <T> Optional<T> artifact(String migrationId, String name, Class<T> type) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT value_json FROM migration_artifacts WHERE migration_id"
                                + " = :id AND name = :name")
                        .bind("id", migrationId)
                        .bind("name", name)
                        .mapTo(String.class)
                        .findOne()
                        .map(json -> StoredJson.read(json, type)));
    }

    @Override
    public Map<StepKind, Long> meanDurations(int sample) {
        Map<StepKind, Long> means = new EnumMap<>(StepKind.class);
        database.jdbi().useHandle(handle -> {
            for (StepKind kind : StepKind.values()) {
                List<Long> durations = handle.createQuery(
                                "SELECT duration_ms FROM migration_steps WHERE kind = :kind"
                                        + " AND status = 'succeeded' AND duration_ms IS NOT NULL ORDER BY started_at DESC LIMIT :n")
                        .bind("kind", kind.wireName())
                        .bind("n", sample)
                        .mapTo(Long.class)
                        .list();
                if (!durations.isEmpty()) {
                    means.put(
                            kind, durations.stream().mapToLong(Long::longValue).sum() / durations.size());
                }
            }
        });
        return means;
    }

    private static void bindDeployment(Query query, @Nullable DeploymentId deployment) {
        if (deployment != null) {
            query.bind("server", deployment.server()).bind("env", deployment.environment());
        }
    }

    private static Migration migration(ResultSet rs) throws SQLException {
        return new Migration(
                rs.getString("id"),
                rs.getString("plan_id"),
                new DeploymentId(rs.getString("server"), rs.getString("environment")),
                rs.getString("from_version"),
                rs.getString("to_version"),
                rs.getInt("dry_run") != 0,
                MigrationStatus.fromWire(rs.getString("status")),
                rs.getInt("current_step"),
                rs.getString("cause"),
                rs.getString("rollback_point_id"),
                new Initiator(rs.getString("subject"), rs.getString("request_id")),
                Instant.parse(rs.getString("created_at")),
                instant(rs.getString("started_at")),
                instant(rs.getString("finished_at")));
    }

    private static StepRun step(ResultSet rs) throws SQLException {
        long duration = rs.getLong("duration_ms");
        Long durationMs = rs.wasNull() ? null : duration;
        return new StepRun(
                rs.getString("migration_id"),
                rs.getInt("idx"),
                StepKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                StepStatus.fromWire(rs.getString("status")),
                instant(rs.getString("started_at")),
                instant(rs.getString("finished_at")),
                durationMs,
                StoredJson.read(rs.getString("effects_json"), MAP),
                rs.getString("error"));
    }

    private static @Nullable Instant instant(@Nullable String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static AuditEvent event(Migration m, String action) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("deployment", m.deployment().toString());
        after.put("from", m.fromVersion());
        after.put("to", m.toVersion());
        after.put("status", m.status().wireName());
        after.put("dryRun", m.dryRun());
        if (m.cause() != null) {
            after.put("cause", m.cause());
        }
        return new AuditEvent(
                m.initiator().subject(),
                action,
                "migration",
                m.id(),
                null,
                StoredJson.tree(after),
                m.initiator().requestId());
    }
}
