package dev.mcpver.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends StoreContract {
    @TempDir
    Path directory;

    private final AtomicInteger counter = new AtomicInteger();

    @Override
    String freshUrl() {
        return TestDatabases.sqliteUrl(directory.resolve("db" + counter.incrementAndGet()));
    }

    @Test
    void should_run_in_wal_mode_with_foreign_keys_on() {
        Database database = Database.openMigrated(freshUrl());

        String journal = database.jdbi()
                .withHandle(h ->
                        h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
        int foreignKeys = database.jdbi()
                .withHandle(h -> h.createQuery("PRAGMA foreign_keys")
                        .mapTo(Integer.class)
                        .one());
        int busyTimeout = database.jdbi()
                .withHandle(h -> h.createQuery("PRAGMA busy_timeout")
                        .mapTo(Integer.class)
                        .one());

        assertThat(journal).isEqualTo("wal");
        assertThat(foreignKeys).isEqualTo(1);
        assertThat(busyTimeout).isEqualTo(5000);
    }

    @Test
    void should_create_missing_parent_directories_for_the_database_file() {
        Path nested = directory.resolve("a/b/c/mcpver.db");

        Database.openMigrated("jdbc:sqlite:" + nested);

        assertThat(Files.exists(nested)).isTrue();
    }
}
