package dev.mcpver.store;

import dev.mcpver.deploy.ProcessJournal;
import dev.mcpver.rollback.DeploymentId;
import java.time.Instant;
import java.util.List;

/** The supervisor's process journal in {@code deployment_processes}. Thread-safe. */
public final class SqlProcessJournal implements ProcessJournal {
    private final Database database;

    public SqlProcessJournal(Database database) {
        this.database = database;
    }

    @Override
    public void record(Entry entry) {
        database.inWriteTransaction(handle -> handle.createUpdate("INSERT INTO deployment_processes (id, server,"
                        + " environment, role, release_dir, pid, process_start, started_at) VALUES (:id, :server, :env,"
                        + " :role, :dir, :pid, :processStart, :startedAt)")
                .bind("id", entry.id())
                .bind("server", entry.deployment().server())
                .bind("env", entry.deployment().environment())
                .bind("role", entry.role())
                .bind("dir", entry.releaseDir())
                .bind("pid", entry.pid())
                .bind(
                        "processStart",
                        entry.processStart() == null
                                ? null
                                : entry.processStart().toString())
                .bind("startedAt", entry.startedAt().toString())
                .execute());
    }

    @Override
    public void forget(String id) {
        database.inWriteTransaction(handle -> handle.createUpdate("DELETE FROM deployment_processes WHERE id = :id")
                .bind("id", id)
                .execute());
    }

    @Override
    public void changeRole(String id, String role) {
        database.inWriteTransaction(
                handle -> handle.createUpdate("UPDATE deployment_processes SET role = :role WHERE id = :id")
                        .bind("role", role)
                        .bind("id", id)
                        .execute());
    }

    @Override
    public List<Entry> all() {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT * FROM deployment_processes ORDER BY started_at")
                        .map((rs, ctx) -> {
                            String start = rs.getString("process_start");
                            return new Entry(
                                    rs.getString("id"),
                                    new DeploymentId(rs.getString("server"), rs.getString("environment")),
                                    rs.getString("role"),
                                    rs.getString("release_dir"),
                                    rs.getLong("pid"),
                                    start == null ? null : Instant.parse(start),
                                    Instant.parse(rs.getString("started_at")));
                        })
                        .list());
    }
}
