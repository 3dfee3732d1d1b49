package dev.mcpver.store;

import dev.mcpver.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteExperimentStoreTest extends ExperimentStoreContract {
    @TempDir
    Path directory;

    @Override
    Database freshDatabase() {
        return TestDatabases.sqlite(directory);
    }
}
