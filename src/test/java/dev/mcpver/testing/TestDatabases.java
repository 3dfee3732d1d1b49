package dev.mcpver.testing;

import dev.mcpver.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Real databases for tests: a SQLite file in a temporary directory, and — when {@code MCPVER_TEST_PG_URL} (env) or
 * {@code mcpver.test.pg.url} (system property) names a PostgreSQL server — a fresh schema on it per call.
 */
public final class TestDatabases {
    private TestDatabases() {}

    public static String sqliteUrl(Path directory) {
        return "jdbc:sqlite:" + directory.resolve("test.db");
    }

    public static Database sqlite(Path directory) {
        return Database.openMigrated(sqliteUrl(directory));
    }

    /** The configured PostgreSQL JDBC URL, if any (tests that need it are skipped otherwise). */
    public static Optional<String> postgresUrl() {
        String fromEnv = System.getenv("MCPVER_TEST_PG_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv);
        }
        String fromProperty = System.getProperty("mcpver.test.pg.url", "");
        return fromProperty.isBlank() ? Optional.empty() : Optional.of(fromProperty);
    }

    /** A JDBC URL pointing at a new, empty schema on the configured server; isolated per test. */
    public static String freshPostgresSchema(String serverUrl) {
        String schema =
                "t_" + Long.toHexString(ThreadLocalRandom.current().nextLong()).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + serverUrl, e);
        }
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
