package dev.mcpver.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** Stored surface snapshots. Writes are committed before they return. Thread-safe. */
public final class SnapshotStore {
    /**
     * One stored snapshot.
     *
     * @param surface the surface file (canonical JSON text)
     */
    public record StoredSnapshot(
            String id,
            String sha256,
            @Nullable String serverName,
            @Nullable String serverVersion,
            String target,
            String surface,
            String takenAt) {}

    interface SnapshotDao {
        @SqlUpdate("INSERT INTO surface_snapshots(id, sha256, server_name, server_version, target, surface, taken_at)"
                + " VALUES (:id, :sha256, :serverName, :serverVersion, :target, :surface, :takenAt)")
        void insert(@BindMethods StoredSnapshot snapshot);

        @SqlQuery("SELECT id, sha256, server_name, server_version, target, surface, taken_at"
                + " FROM surface_snapshots WHERE id = :id")
        @RegisterConstructorMapper(StoredSnapshot.class)
        Optional<StoredSnapshot> find(@Bind("id") String id);

        @SqlQuery("SELECT id, sha256, server_name, server_version, target, '' AS surface, taken_at"
                + " FROM surface_snapshots ORDER BY taken_at DESC, id DESC LIMIT :limit")
        @RegisterConstructorMapper(StoredSnapshot.class)
        List<StoredSnapshot> latest(@Bind("limit") int limit);
    }

    private final SnapshotDao dao;
    private final Clock clock;

    public SnapshotStore(Database database, Clock clock) {
        this.dao = database.jdbi().onDemand(SnapshotDao.class);
        this.clock = clock;
    }

    public StoredSnapshot save(
            String id,
            String sha256,
            @Nullable String serverName,
            @Nullable String serverVersion,
            String target,
            String surface) {
        StoredSnapshot snapshot = new StoredSnapshot(
                id,
                sha256,
                serverName,
                serverVersion,
                target,
                surface,
                Instant.now(clock).toString());
        dao.insert(snapshot);
        return snapshot;
    }

    public Optional<StoredSnapshot> find(String id) {
        return dao.find(id);
    }

    /** The newest snapshots, without their surfaces. */
    public List<StoredSnapshot> latest(int limit) {
        return dao.latest(limit);
    }
}
