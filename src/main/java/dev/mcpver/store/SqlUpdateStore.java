package dev.mcpver.store;

import dev.mcpver.audit.AuditEvent;
import dev.mcpver.migrate.UpdateJob;
import dev.mcpver.migrate.UpdateStatus;
import dev.mcpver.migrate.UpdateStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Automated updates in {@code update_jobs}; every change of status is audited in its transaction. Thread-safe. */
public final class SqlUpdateStore implements UpdateStore {
    private static final String OPEN = "('scheduled', 'running', 'holding', 'awaiting_decision')";

    private final Database database;
    private final SqlAuditLog audit;

    public SqlUpdateStore(Database database, SqlAuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    @Override
    public void insert(UpdateJob job) {
        database.inWriteTransaction(handle -> {
            handle.createUpdate("INSERT INTO update_jobs (id, status, run_at, job_json, created_at, updated_at) VALUES"
                            + " (:id, :status, :runAt, :json, :createdAt, :updatedAt)")
                    .bind("id", job.id())
                    .bind("status", job.status().wireName())
                    .bind("runAt", job.request().runAt().toString())
                    .bind("json", StoredJson.write(job))
                    .bind("createdAt", job.createdAt().toString())
                    .bind("updatedAt", job.updatedAt().toString())
                    .execute();
            return audit.append(handle, event(job, "update.schedule"));
        });
    }

    @Override
    public void update(UpdateJob job) {
        database.inWriteTransaction(handle -> {
            handle.createUpdate("UPDATE update_jobs SET status = :status, job_json = :json, updated_at = :updatedAt"
                            + " WHERE id = :id")
                    .bind("status", job.status().wireName())
                    .bind("json", StoredJson.write(job))
                    .bind("updatedAt", job.updatedAt().toString())
                    .bind("id", job.id())
                    .execute();
            return audit.append(handle, event(job, "update." + job.status().wireName()));
        });
    }

    @Override
    public boolean claim(UpdateJob job, UpdateStatus expected) {
        return database.inWriteTransaction(handle -> {
            int changed = handle.createUpdate("UPDATE update_jobs SET status = :status, job_json = :json, updated_at ="
                            + " :updatedAt WHERE id = :id AND status = :expected")
                    .bind("status", job.status().wireName())
                    .bind("json", StoredJson.write(job))
                    .bind("updatedAt", job.updatedAt().toString())
                    .bind("id", job.id())
                    .bind("expected", expected.wireName())
                    .execute();
            if (changed == 1) {
                audit.append(handle, event(job, "update." + job.status().wireName()));
            }
            return changed == 1;
        });
    }

    @Override
    public Optional<UpdateJob> find(String id) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT job_json FROM update_jobs WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .findOne()
                        .map(json -> StoredJson.read(json, UpdateJob.class)));
    }

    @Override
    public List<UpdateJob> list(int limit) {
        return database.jdbi()
                .withHandle(
                        handle -> handle.createQuery("SELECT job_json FROM update_jobs ORDER BY id DESC LIMIT :limit")
                                .bind("limit", limit)
                                .mapTo(String.class)
                                .map(json -> StoredJson.read(json, UpdateJob.class))
                                .list());
    }

    @Override
    public List<UpdateJob> open() {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT job_json FROM update_jobs WHERE status IN " + OPEN + " ORDER BY id")
                        .mapTo(String.class)
                        .map(json -> StoredJson.read(json, UpdateJob.class))
                        .list());
    }

    private static AuditEvent event(UpdateJob job, String action) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("strategy", job.request().strategy().wireName());
        after.put(
                "deployments",
                job.request().deployments().stream().map(Object::toString).toList());
        after.put("toVersion", job.request().toVersion());
        after.put("status", job.status().wireName());
        after.put("migrations", job.migrationIds());
        if (job.cause() != null) {
            after.put("cause", job.cause());
        }
        return new AuditEvent(
                job.initiator().subject(),
                action,
                "update",
                job.id(),
                null,
                StoredJson.tree(after),
                job.initiator().requestId());
    }
}
