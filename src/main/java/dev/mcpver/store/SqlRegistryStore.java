package dev.mcpver.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mcpver.audit.AuditEvent;
import dev.mcpver.lifecycle.Stage;
import dev.mcpver.registry.Artifact;
import dev.mcpver.registry.Attestation;
import dev.mcpver.registry.Bump;
import dev.mcpver.registry.CompatAssessment;
import dev.mcpver.registry.Page;
import dev.mcpver.registry.RegistryStore;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerQuery;
import dev.mcpver.registry.ServerSpec;
import dev.mcpver.registry.ServerVersion;
import dev.mcpver.registry.StoredGateReport;
import dev.mcpver.registry.VersionSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** Servers, versions, attestations and gate reports; each change appends its audit entry in the same transaction. */
public final class SqlRegistryStore implements RegistryStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final String SERVER_COLUMNS = "id, spec_json, revision, created_at, created_by, updated_at";
    private static final String VERSION_COLUMNS = "id, server_id, version, stage, revision, changelog,"
            + " security_updates_json, dependencies_json, %s AS surface_json, surface_sha256, artifact_kind,"
            + " artifact_location, artifact_sha256, previous_version, declared_bump, compat_json, created_at,"
            + " created_by, updated_at";

    private final Database database;
    private final SqlAuditLog audit;

    public SqlRegistryStore(Database database, SqlAuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    @Override
    public boolean insertServer(Server server, AuditEvent event) {
        return Constraints.unlessDuplicate(() -> database.inWriteTransaction(handle -> {
            handle.createUpdate("INSERT INTO servers (id, name, description, category, owner, spec_json, revision,"
                            + " created_at, created_by, updated_at) VALUES (:id, :name, :description, :category,"
                            + " :owner, :spec, :revision, :createdAt, :createdBy, :updatedAt)")
                    .bindMap(serverColumns(server))
                    .bind("createdBy", server.createdBy())
                    .execute();
            writeTags(handle, server);
            audit.append(handle, event);
            return true;
        }));
    }

    @Override
    public boolean updateServer(Server updated, long expectedRevision, AuditEvent event) {
        return Constraints.unlessDuplicate(() -> database.inWriteTransaction(handle -> {
            int changed = handle.createUpdate("UPDATE servers SET name = :name, description = :description,"
                            + " category = :category, owner = :owner, spec_json = :spec, revision = :revision,"
                            + " updated_at = :updatedAt WHERE id = :id AND revision = :expected")
                    .bindMap(serverColumns(updated))
                    .bind("expected", expectedRevision)
                    .execute();
            if (changed == 0) {
                return false;
            }
            handle.createUpdate("DELETE FROM server_tags WHERE server_id = :id")
                    .bind("id", updated.id())
                    .execute();
            writeTags(handle, updated);
            audit.append(handle, event);
            return true;
        }));
    }

    @Override
    public Optional<Server> findServer(String id) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT " + SERVER_COLUMNS + " FROM servers WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> server(rs))
                        .findOne());
    }

    @Override
    public Optional<Server> findServerByName(String name) {
        return database.jdbi()
                .withHandle(
                        handle -> handle.createQuery("SELECT " + SERVER_COLUMNS + " FROM servers WHERE name = :name")
                                .bind("name", name)
                                .map((rs, ctx) -> server(rs))
                                .findOne());
    }

    @Override
    public Page<Server> listServers(ServerQuery query) {
        Filter filter = serverFilter(query);
        return database.jdbi().withHandle(handle -> {
            long total = handle.createQuery("SELECT COUNT(*) FROM servers" + filter.where())
                    .bindMap(filter.params())
                    .mapTo(Long.class)
                    .one();
            List<Server> items = handle.createQuery("SELECT " + SERVER_COLUMNS + " FROM servers" + filter.where()
                            + " ORDER BY name LIMIT :limit OFFSET :offset")
                    .bindMap(filter.params())
                    .bind("limit", query.limit())
                    .bind("offset", query.offset())
                    .map((rs, ctx) -> server(rs))
                    .list();
            return new Page<>(items, total, query.offset(), query.limit());
        });
    }

    @Override
    public boolean insertVersion(ServerVersion version, AuditEvent event) {
        return Constraints.unlessDuplicate(() -> database.inWriteTransaction(handle -> {
            handle.createUpdate("INSERT INTO versions (id, server_id, version, precedence, stage, revision,"
                            + " changelog, security_updates_json, dependencies_json, surface_json, surface_sha256,"
                            + " artifact_kind, artifact_location, artifact_sha256, previous_version, declared_bump,"
                            + " compat_json, created_at, created_by, updated_at) VALUES (:id, :serverId, :version,"
                            + " :precedence, :stage, :revision, :changelog, :securityUpdates, :dependencies, :surface,"
                            + " :surfaceSha256, :artifactKind, :artifactLocation, :artifactSha256, :previousVersion,"
                            + " :declaredBump, :compat, :createdAt, :createdBy, :updatedAt)")
                    .bindMap(versionColumns(version))
                    .execute();
            audit.append(handle, event);
            return true;
        }));
    }

    @Override
    public Optional<ServerVersion> findVersion(String id) {
        return database.jdbi()
                .withHandle(
                        handle -> handle.createQuery("SELECT " + versionColumns(true) + " FROM versions WHERE id = :id")
                                .bind("id", id)
                                .map((rs, ctx) -> version(rs))
                                .findOne());
    }

    @Override
    public List<ServerVersion> versionsOf(String serverId, boolean withSurfaces) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT " + versionColumns(withSurfaces) + " FROM versions WHERE server_id = :serverId")
                        .bind("serverId", serverId)
                        .map((rs, ctx) -> version(rs))
                        .list());
    }

    @Override
    public List<ServerVersion> versionsIn(Stage stage) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT " + versionColumns(false) + " FROM versions WHERE stage = :stage ORDER BY id")
                        .bind("stage", stage.wireName())
                        .map((rs, ctx) -> version(rs))
                        .list());
    }

    @Override
    public boolean transition(
            ServerVersion updated, long expectedRevision, @Nullable StoredGateReport report, List<AuditEvent> events) {
        return database.inWriteTransaction(handle -> {
            int changed = handle.createUpdate("UPDATE versions SET stage = :stage, revision = :revision,"
                            + " updated_at = :updatedAt WHERE id = :id AND revision = :expected")
                    .bind("stage", updated.stage().wireName())
                    .bind("revision", updated.revision())
                    .bind("updatedAt", updated.updatedAt().toString())
                    .bind("id", updated.id())
                    .bind("expected", expectedRevision)
                    .execute();
            if (changed == 0) {
                return false;
            }
            if (report != null) {
                insertReport(handle, report);
            }
            events.forEach(event -> audit.append(handle, event));
            return true;
        });
    }

    @Override
    public void saveGateReport(StoredGateReport report, AuditEvent event) {
        database.inWriteTransaction(handle -> {
            insertReport(handle, report);
            return audit.append(handle, event);
        });
    }

    @Override
    public List<StoredGateReport> gateReports(String versionId) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT id, version_id, passed, score,"
                                + " report_json, created_at, created_by FROM gate_reports WHERE version_id = :id"
                                + " ORDER BY id DESC")
                        .bind("id", versionId)
                        .map((rs, ctx) -> new StoredGateReport(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getBoolean(3),
                                rs.getInt(4),
                                dev.mcpver.json.Json.read(rs.getString(5)),
                                Instant.parse(rs.getString(6)),
                                rs.getString(7)))
                        .list());
    }

    @Override
    public void insertAttestation(Attestation attestation, AuditEvent event) {
        database.inWriteTransaction(handle -> {
            handle.createUpdate("INSERT INTO attestations (id, version_id, kind, value_json, created_at, created_by)"
                            + " VALUES (:id, :versionId, :kind, :value, :createdAt, :createdBy)")
                    .bind("id", attestation.id())
                    .bind("versionId", attestation.versionId())
                    .bind("kind", attestation.kind())
                    .bind("value", JsonColumns.write(attestation.value()))
                    .bind("createdAt", attestation.createdAt().toString())
                    .bind("createdBy", attestation.createdBy())
                    .execute();
            return audit.append(handle, event);
        });
    }

    @Override
    public List<Attestation> attestations(String versionId) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT id, version_id, kind, value_json,"
                                + " created_at, created_by FROM attestations WHERE version_id = :id ORDER BY id")
                        .bind("id", versionId)
                        .map((rs, ctx) -> new Attestation(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                dev.mcpver.json.Json.read(rs.getString(4)),
                                Instant.parse(rs.getString(5)),
                                rs.getString(6)))
                        .list());
    }

    private static void insertReport(Handle handle, StoredGateReport report) {
        handle.createUpdate("INSERT INTO gate_reports (id, version_id, passed, score, report_json, created_at,"
                        + " created_by) VALUES (:id, :versionId, :passed, :score, :report, :createdAt, :createdBy)")
                .bind("id", report.id())
                .bind("versionId", report.versionId())
                .bind("passed", report.passed())
                .bind("score", report.score())
                .bind("report", JsonColumns.write(report.report()))
                .bind("createdAt", report.createdAt().toString())
                .bind("createdBy", report.createdBy())
                .execute();
    }

    private static Map<String, @Nullable Object> serverColumns(Server server) {
        ServerSpec spec = server.spec();
        java.util.HashMap<String, @Nullable Object> columns = new java.util.HashMap<>();
        columns.put("id", server.id());
        columns.put("name", spec.name());
        columns.put("description", spec.description());
        columns.put("category", spec.category());
        columns.put("owner", spec.owner());
        columns.put("spec", JsonColumns.write(spec));
        columns.put("revision", server.revision());
        columns.put("createdAt", server.createdAt().toString());
        columns.put("updatedAt", server.updatedAt().toString());
        return columns;
    }

    private static void writeTags(Handle handle, Server server) {
        for (String tag : server.spec().tags()) {
            handle.createUpdate("INSERT INTO server_tags (server_id, tag) VALUES (:id, :tag)")
                    .bind("id", server.id())
                    .bind("tag", tag)
                    .execute();
        }
    }

    /** A WHERE clause and exactly the parameters it uses (Jdbi refuses unused bindings). */
    private record Filter(String where, Map<String, Object> params) {}

    private static Filter serverFilter(ServerQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (query.category() != null) {
            where.append(" AND category = :category");
            params.put("category", query.category());
        }
        if (query.owner() != null) {
            where.append(" AND owner = :owner");
            params.put("owner", query.owner());
        }
        if (query.tag() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM server_tags t WHERE t.server_id = servers.id AND t.tag = :tag)");
            params.put("tag", query.tag().toLowerCase(Locale.ROOT));
        }
        if (query.text() != null) {
            where.append(" AND (LOWER(name) LIKE :text OR LOWER(description) LIKE :text)");
            params.put("text", "%" + query.text().toLowerCase(Locale.ROOT) + "%");
        }
        return new Filter(where.toString(), params);
    }

    private static Server server(ResultSet rs) throws SQLException {
        return new Server(
                rs.getString("id"),
                JsonColumns.read(rs.getString("spec_json"), ServerSpec.class),
                rs.getLong("revision"),
                Instant.parse(rs.getString("created_at")),
                rs.getString("created_by"),
                Instant.parse(rs.getString("updated_at")));
    }

    private static String versionColumns(boolean withSurface) {
        return String.format(Locale.ROOT, VERSION_COLUMNS, withSurface ? "surface_json" : "NULL");
    }

    private static Map<String, @Nullable Object> versionColumns(ServerVersion v) {
        java.util.HashMap<String, @Nullable Object> columns = new java.util.HashMap<>();
        columns.put("id", v.id());
        columns.put("serverId", v.serverId());
        columns.put("version", v.version());
        columns.put("precedence", VersionSpec.precedenceKey(v.parsed()));
        columns.put("stage", v.stage().wireName());
        columns.put("revision", v.revision());
        columns.put("changelog", v.changelog());
        columns.put("securityUpdates", JsonColumns.write(v.securityUpdates()));
        columns.put("dependencies", JsonColumns.write(v.dependencies()));
        columns.put("surface", JsonColumns.writeNullable(v.surface()));
        columns.put("surfaceSha256", v.surfaceSha256());
        columns.put("artifactKind", v.artifact().kind());
        columns.put("artifactLocation", v.artifact().location());
        columns.put("artifactSha256", v.artifact().sha256());
        columns.put("previousVersion", v.previousVersion());
        columns.put(
                "declaredBump",
                v.declaredBump() == null ? null : v.declaredBump().wireName());
        columns.put("compat", JsonColumns.writeNullable(v.compat()));
        columns.put("createdAt", v.createdAt().toString());
        columns.put("createdBy", v.createdBy());
        columns.put("updatedAt", v.updatedAt().toString());
        return columns;
    }

    private static ServerVersion version(ResultSet rs) throws SQLException {
        String bump = rs.getString("declared_bump");
        String compat = rs.getString("compat_json");
        return new ServerVersion(
                rs.getString("id"),
                rs.getString("server_id"),
                rs.getString("version"),
                Stage.fromWire(rs.getString("stage")).orElseThrow(),
                rs.getLong("revision"),
                rs.getString("changelog"),
                JsonColumns.read(rs.getString("security_updates_json"), STRINGS),
                JsonColumns.read(rs.getString("dependencies_json"), STRING_MAP),
                JsonColumns.tree(rs.getString("surface_json")),
                rs.getString("surface_sha256"),
                new Artifact(
                        rs.getString("artifact_kind"),
                        rs.getString("artifact_location"),
                        rs.getString("artifact_sha256")),
                rs.getString("previous_version"),
                bump == null ? null : Bump.fromWire(bump).orElseThrow(),
                compat == null ? null : JsonColumns.read(compat, CompatAssessment.class),
                Instant.parse(rs.getString("created_at")),
                rs.getString("created_by"),
                Instant.parse(rs.getString("updated_at")));
    }
}
