package dev.mcpver.store;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Installation-wide key/value facts (installation id, first start). */
public final class MetaStore {
    /** SQL of the {@code app_meta} table; portable across SQLite and PostgreSQL. */
    interface MetaDao {
        @SqlQuery("SELECT value FROM app_meta WHERE key = :key")
        Optional<String> get(@Bind("key") String key);

        @SqlUpdate("INSERT INTO app_meta(key, value, updated_at) VALUES (:key, :value, :at)"
                + " ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
        void put(@Bind("key") String key, @Bind("value") String value, @Bind("at") String at);

        @SqlUpdate(
                "INSERT INTO app_meta(key, value, updated_at) VALUES (:key, :value, :at) ON CONFLICT(key) DO NOTHING")
        int putIfAbsent(@Bind("key") String key, @Bind("value") String value, @Bind("at") String at);
    }

    private final MetaDao dao;
    private final Clock clock;

    public MetaStore(Database database, Clock clock) {
        this.dao = database.jdbi().onDemand(MetaDao.class);
        this.clock = clock;
    }

    public Optional<String> get(String key) {
        return dao.get(key);
    }

    public void put(String key, String value) {
        dao.put(key, value, clock.instant().toString());
    }

    /** Stores the value unless the key exists, then returns whatever is stored: first writer wins. */
    public String getOrCreate(String key, String value) {
        dao.putIfAbsent(key, value, clock.instant().toString());
        return dao.get(key).orElseThrow(() -> new IllegalStateException("app_meta lost key " + key));
    }
}
