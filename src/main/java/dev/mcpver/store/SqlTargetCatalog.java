package dev.mcpver.store;

import dev.mcpver.audit.AuditEvent;
import dev.mcpver.migrate.TargetRegistry;
import dev.mcpver.migrate.TargetRelease;
import dev.mcpver.rollback.Initiator;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Deployable versions in {@code deployment_targets}: the stand-in for the registry feature's versions until it
 * lands. Registering a version again replaces it (audited with before and after). Thread-safe.
 */
public final class SqlTargetCatalog implements TargetRegistry {
    private final Database database;
    private final SqlAuditLog audit;
    private final Clock clock;

    public SqlTargetCatalog(Database database, SqlAuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void register(TargetRelease target, Initiator who) {
        database.inWriteTransaction(handle -> {
            Optional<String> before = handle.createQuery("SELECT target_json FROM deployment_targets WHERE server ="
                            + " :server AND version = :version")
                    .bind("server", target.server())
                    .bind("version", target.version())
                    .mapTo(String.class)
                    .findOne();
            handle.createUpdate("DELETE FROM deployment_targets WHERE server = :server AND version = :version")
                    .bind("server", target.server())
                    .bind("version", target.version())
                    .execute();
            handle.createUpdate("INSERT INTO deployment_targets (server, version, target_json, registered_at,"
                            + " registered_by) VALUES (:server, :version, :json, :at, :by)")
                    .bind("server", target.server())
                    .bind("version", target.version())
                    .bind("json", StoredJson.write(target))
                    .bind("at", clock.instant().toString())
                    .bind("by", who.subject())
                    .execute();
            return audit.append(
                    handle,
                    new AuditEvent(
                            who.subject(),
                            "target.register",
                            "target",
                            target.server() + "@" + target.version(),
                            before.map(dev.mcpver.json.Json::read).orElse(null),
                            StoredJson.tree(target),
                            who.requestId()));
        });
    }

    @Override
    public Optional<TargetRelease> find(String server, String version) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT target_json FROM deployment_targets WHERE server ="
                                + " :server AND version = :version")
                        .bind("server", server)
                        .bind("version", version)
                        .mapTo(String.class)
                        .findOne()
                        .map(json -> StoredJson.read(json, TargetRelease.class)));
    }

    @Override
    public List<TargetRelease> versions(String server) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT target_json FROM deployment_targets WHERE server ="
                                + " :server ORDER BY registered_at, version")
                        .bind("server", server)
                        .mapTo(String.class)
                        .map(json -> StoredJson.read(json, TargetRelease.class))
                        .list());
    }
}
