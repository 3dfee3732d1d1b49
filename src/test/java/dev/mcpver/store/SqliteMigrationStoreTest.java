package dev.mcpver.store;

import dev.mcpver.testing.TestDatabases;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

class SqliteMigrationStoreTest extends MigrationStoreContract {
    @TempDir
    Path directory;

    private final AtomicInteger counter = new AtomicInteger();

    @Override
    String freshUrl() {
        return TestDatabases.sqliteUrl(directory.resolve("db" + counter.incrementAndGet()));
    }
}
