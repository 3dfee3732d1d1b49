package dev.mcpver.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * An open database: its Jdbi handle factory, vendor and migration state.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=NORMAL}: a committed transaction survives a crash of the
 * process ({@code kill -9}); only a power loss can drop the last commits. Foreign keys are enforced and writers
 * wait up to five seconds for the lock. Every connection comes from the same configured data source, so these
 * per-connection pragmas always hold.
 *
 * <p>Thread-safe: Jdbi opens a connection per handle.
 */
public final class Database {
    private static final String MIGRATIONS = "classpath:db/migration/";

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final String vendor;
    private final String url;
    private volatile @Nullable String shippedVersion;

    @SuppressWarnings({"unused", "UnusedVariable"}) // held, never used: see keepOpen
    private final @Nullable Connection keeper;
    /** SQLite has one writer at a time: queue this process's writers fairly instead of spinning on SQLITE_BUSY. */
    private final ReentrantLock sqliteWriters = new ReentrantLock(true);
    /** The one SQLite write connection; guarded by {@link #sqliteWriters}. */
    private @Nullable Handle writer;
    /** Background WAL checkpoints (SQLite only; null on PostgreSQL). */
    private final @Nullable WalCheckpoints checkpoints;

    private Database(DataSource dataSource, String url) {
        this.dataSource = dataSource;
        this.url = url;
        this.vendor = detectVendor(dataSource);
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        this.keeper = vendor.equals("sqlite") ? keepOpen(dataSource) : null;
        this.checkpoints = vendor.equals("sqlite") ? new WalCheckpoints(this::checkpoint) : null;
    }

    /**
     * SQLite checkpoints the WAL into the database file, with an fsync, whenever the last connection to it closes.
     * Jdbi opens a connection per handle, so without one connection held open every request would pay that
     * checkpoint; with it, SQLite checkpoints automatically every 1000 pages instead.
     */
    private static Connection keepOpen(DataSource source) {
        try {
            return source.getConnection();
        } catch (SQLException e) {
            throw new StoreException("cannot open the database: " + e.getMessage(), e);
        }
    }

    /** Opens (and for SQLite creates) the database at a JDBC URL; call {@link #migrate()} before use. */
    public static Database open(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return new Database(postgres(jdbcUrl), jdbcUrl);
        }
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return new Database(sqlite(jdbcUrl), jdbcUrl);
        }
        throw new IllegalArgumentException("unsupported JDBC URL: " + jdbcUrl);
    }

    /** Opens and migrates in one step: what the composition root does at start. */
    public static Database openMigrated(String jdbcUrl) {
        Database database = open(jdbcUrl);
        if (!database.schemaCurrent()) {
            database.migrate();
        }
        return database;
    }

    /**
     * The schema this build ships: how many versioned migrations each vendor runs, and the highest version.
     * {@code DatabaseTest} checks them against Flyway's view of the migration folders, so a new migration that
     * forgets them fails the build.
     */
    static final int SHIPPED_MIGRATIONS = 19;

    static final int SHIPPED_MAX_VERSION = 52;

    /**
     * Whether every migration of this build was applied successfully, read from the history table in one query.
     * Lets short-lived processes ({@code mcpver mcp} for an MCP host, CLI commands) skip Flyway's classpath scan and
     * checksum validation, about a third of their start-up CPU; any difference (a new migration, a failed one, a
     * fresh database) takes the full Flyway path, which validates as before.
     */
    boolean schemaCurrent() {
        try {
            return jdbi.withHandle(handle -> handle.createQuery(
                                    "SELECT COUNT(*) = :count AND MAX(CAST(version AS INTEGER)) = :max"
                                            + " AND SUM(CASE WHEN success THEN 0 ELSE 1 END) = 0"
                                            + " FROM flyway_schema_history WHERE version IS NOT NULL")
                            .bind("count", SHIPPED_MIGRATIONS)
                            .bind("max", SHIPPED_MAX_VERSION)
                            .mapTo(Boolean.class)
                            .one())
                    .booleanValue();
        } catch (org.jdbi.v3.core.JdbiException e) {
            return false; // no history table yet: a fresh database
        }
    }

    /** Versioned migrations Flyway finds for this vendor, in order (readiness and the shipped-schema check). */
    List<String> shippedVersions() {
        List<String> versions = new java.util.ArrayList<>();
        for (var migration : flyway().info().all()) {
            if (migration.getVersion() != null) {
                versions.add(migration.getVersion().getVersion());
            }
        }
        return versions;
    }

    /** Applies pending migrations; returns how many ran (0 for an up-to-date database). */
    public int migrate() {
        try {
            MigrateResult result = flyway().migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("database migration failed on " + vendor + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reachable and fully migrated: what {@code GET /ready} reports. Cheap enough for frequent probes: one
     * query on the schema history, compared with the newest migration this build ships.
     */
    public Readiness readiness() {
        String applied;
        try {
            applied = schemaVersion();
        } catch (RuntimeException e) {
            return new Readiness(false, "database unreachable: " + e.getMessage());
        }
        String shipped = shippedVersion();
        return applied.equals(shipped)
                ? new Readiness(true, "ok")
                : new Readiness(false, "schema at version \"" + applied + "\", this build needs \"" + shipped + "\"");
    }

    /** Whether the database answers and its schema is current. */
    public record Readiness(boolean ready, String detail) {}

    /** The latest successfully applied schema version, e.g. {@code "3"}; empty for an unmigrated database. */
    public String schemaVersion() {
        try {
            return jdbi.withHandle(handle -> handle.createQuery(
                                    "SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL"
                                            + " ORDER BY installed_rank DESC")
                            .mapTo(String.class)
                            .findFirst())
                    .orElse("");
        } catch (org.jdbi.v3.core.JdbiException e) {
            if (e.getMessage() != null && e.getMessage().contains("flyway_schema_history")) {
                return "";
            }
            throw new StoreException("cannot read the schema version: " + e.getMessage(), e);
        }
    }

    private String shippedVersion() {
        String known = shippedVersion;
        if (known == null) {
            List<String> versions = shippedVersions();
            known = versions.isEmpty() ? "" : versions.get(versions.size() - 1);
            shippedVersion = known;
        }
        return known;
    }

    /**
     * Runs {@code work} in a transaction meant to write, and commits before returning (rolls back on any
     * exception). On PostgreSQL it is a plain transaction. On SQLite, which has one writer at a time, every writer of
     * the process queues fairly on one lock and uses one long-lived connection whose transactions start with
     * {@code BEGIN IMMEDIATE} (a read followed by a write can never fail with {@code SQLITE_BUSY_SNAPSHOT}). That
     * connection never checkpoints inside a commit; {@link WalCheckpoints} does it in the background. Durability is
     * unchanged: in WAL mode a commit survives a process crash before any checkpoint.
     */
    public <T, X extends Exception> T inWriteTransaction(HandleCallback<T, X> work) throws X {
        if (checkpoints == null) {
            return jdbi.inTransaction(work);
        }
        sqliteWriters.lock();
        try {
            T result = writer().inTransaction(work);
            checkpoints.written();
            return result;
        } catch (RuntimeException e) {
            discardBrokenWriter();
            throw e;
        } finally {
            sqliteWriters.unlock();
        }
    }

    /** The shared SQLite write connection, (re)opened on demand; guarded by {@link #sqliteWriters}. */
    private Handle writer() {
        Handle handle = writer;
        if (handle == null || handle.isClosed()) {
            handle = jdbi.open();
            immediate(handle);
            handle.createQuery("PRAGMA wal_autocheckpoint = 0").mapToMap().list();
            writer = handle;
        }
        return handle;
    }

    /** A failed transaction was rolled back; a connection that broke is replaced on the next write. */
    private void discardBrokenWriter() {
        Handle handle = writer;
        try {
            if (handle != null && !handle.getConnection().isValid(1)) {
                handle.close();
                writer = null;
            }
        } catch (SQLException | RuntimeException e) {
            writer = null;
        }
    }

    /** A passive checkpoint on the writer's connection, skipped (retried later) while a writer is busy. */
    private boolean checkpoint() {
        if (!sqliteWriters.tryLock()) {
            return false;
        }
        try {
            writer().createQuery("PRAGMA wal_checkpoint(PASSIVE)").mapToMap().list();
            return true;
        } finally {
            sqliteWriters.unlock();
        }
    }

    private static void immediate(Handle handle) {
        try {
            handle.getConnection().unwrap(SQLiteConnection.class).setCurrentTransactionMode(TransactionMode.IMMEDIATE);
        } catch (SQLException e) {
            throw new StoreException("cannot configure the SQLite transaction mode: " + e.getMessage(), e);
        }
    }

    /** For store classes only (enforced by the architecture test): Jdbi never leaves this package tree. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** {@code sqlite} or {@code postgresql}. */
    public String vendor() {
        return vendor;
    }

    /** The JDBC URL without credentials, for logs and {@code /api/v1/version}. */
    public String displayUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private Flyway flyway() {
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS + "common", MIGRATIONS + vendor)
                .validateMigrationNaming(true)
                .load();
    }

    private static SQLiteDataSource sqlite(String jdbcUrl) {
        createParentDirectory(jdbcUrl.substring("jdbc:sqlite:".length()));
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(5_000);
        config.enforceForeignKeys(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(jdbcUrl);
        return source;
    }

    private static void createParentDirectory(String file) {
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the database directory " + parent, e);
        }
    }

    private static PGSimpleDataSource postgres(String jdbcUrl) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        // JSON columns accept plain string binds only with stringtype=unspecified.
        source.setURL(jdbcUrl);
        source.setStringType("unspecified");
        return source;
    }

    private static String detectVendor(DataSource source) {
        try (Connection connection = source.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return product.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        } catch (SQLException e) {
            throw new StoreException("cannot open the database: " + e.getMessage(), e);
        }
    }
}
