package dev.mcpver.store;

import dev.mcpver.surface.ReportCache;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The report cache in the database, so that repeated analyses of the same inputs (CI re-runs) are answered from
 * disk, across restarts and replicas. Keeps at most {@code capacity} rows, evicting the oldest. Thread-safe.
 */
public final class CompatCacheStore implements ReportCache {
    interface CacheDao {
        @SqlQuery("SELECT report FROM compat_report_cache WHERE cache_key = :key")
        Optional<String> get(@Bind("key") String key);

        @SqlUpdate("INSERT INTO compat_report_cache(cache_key, report, created_at) VALUES (:key, :report, :at)"
                + " ON CONFLICT(cache_key) DO NOTHING")
        int put(@Bind("key") String key, @Bind("report") String report, @Bind("at") String at);

        @SqlQuery("SELECT COUNT(*) FROM compat_report_cache")
        long count();

        @SqlUpdate("DELETE FROM compat_report_cache WHERE cache_key IN (SELECT cache_key FROM compat_report_cache"
                + " ORDER BY created_at, cache_key LIMIT :n)")
        int evictOldest(@Bind("n") long n);
    }

    private final CacheDao dao;
    private final Clock clock;
    private final long capacity;

    public CompatCacheStore(Database database, Clock clock, long capacity) {
        this.dao = database.jdbi().onDemand(CacheDao.class);
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Optional<String> get(String key) {
        return dao.get(key);
    }

    @Override
    public void put(String key, String report) {
        if (dao.put(key, report, clock.instant().toString()) > 0) {
            long excess = dao.count() - capacity;
            if (excess > 0) {
                dao.evictOldest(excess);
            }
        }
    }
}
