package dev.mcpver.store;

import dev.mcpver.audit.AuditEvent;
import dev.mcpver.json.Json;
import dev.mcpver.vuln.AdvisoryStore;
import dev.mcpver.vuln.OsvAdvisory;
import dev.mcpver.vuln.OsvParser;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Imported advisories; each change appends its audit entry in the same transaction. */
public final class SqlAdvisoryStore implements AdvisoryStore {
    private final Database database;
    private final SqlAuditLog audit;
    private final Clock clock;

    public SqlAdvisoryStore(Database database, SqlAuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Upsert upsert(OsvAdvisory advisory, AuditEvent event) {
        return database.inWriteTransaction(handle -> {
            Optional<String> stored = handle.createQuery("SELECT COALESCE(modified, '') FROM advisories WHERE id = :id")
                    .bind("id", advisory.id())
                    .mapTo(String.class)
                    .findOne();
            if (stored.isPresent() && stored.get().equals(Objects.requireNonNullElse(advisory.modified(), ""))) {
                return Upsert.UNCHANGED;
            }
            if (stored.isPresent()) {
                handle.createUpdate("DELETE FROM advisory_packages WHERE advisory_id = :id")
                        .bind("id", advisory.id())
                        .execute();
                handle.createUpdate("DELETE FROM advisories WHERE id = :id")
                        .bind("id", advisory.id())
                        .execute();
            }
            insert(handle, advisory, event.actor());
            audit.append(handle, event);
            return stored.isPresent() ? Upsert.UPDATED : Upsert.INSERTED;
        });
    }

    @Override
    public Optional<OsvAdvisory> find(String id) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT doc_json FROM advisories WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .findOne()
                        .map(json -> OsvParser.parse(Json.read(json))));
    }

    @Override
    public List<OsvAdvisory> affecting(Collection<String> packageNames) {
        if (packageNames.isEmpty()) {
            return List.of();
        }
        List<String> names = packageNames.stream()
                .map(n -> n.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT doc_json FROM advisories WHERE id IN"
                                + " (SELECT advisory_id FROM advisory_packages WHERE package_name IN (<names>))"
                                + " ORDER BY id")
                        .bindList("names", names)
                        .mapTo(String.class)
                        .map(json -> OsvParser.parse(Json.read(json)))
                        .list());
    }

    @Override
    public List<OsvAdvisory> all() {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT doc_json FROM advisories ORDER BY id")
                        .mapTo(String.class)
                        .map(json -> OsvParser.parse(Json.read(json)))
                        .list());
    }

    @Override
    public long count() {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM advisories")
                        .mapTo(Long.class)
                        .one());
    }

    private void insert(Handle handle, OsvAdvisory advisory, String actor) {
        handle.createUpdate("INSERT INTO advisories (id, summary, severity, modified, doc_json, imported_at,"
                        + " imported_by) VALUES (:id, :summary, :severity, :modified, :doc, :at, :by)")
                .bind("id", advisory.id())
                .bind("summary", advisory.summary())
                .bind("severity", advisory.severity())
                .bind("modified", advisory.modified())
                .bind("doc", Json.write(advisory.raw()))
                .bind("at", clock.instant().toString())
                .bind("by", actor)
                .execute();
        for (String name : advisory.packageNames()) {
            handle.createUpdate("INSERT INTO advisory_packages (advisory_id, package_name) VALUES (:id, :name)")
                    .bind("id", advisory.id())
                    .bind("name", name)
                    .execute();
        }
    }
}
