package dev.mcpver.registry;

import dev.mcpver.store.Database;
import dev.mcpver.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteRegistryTest extends RegistryContract {
    @TempDir
    Path dbDirectory;

    @Override
    Database freshDatabase() {
        return TestDatabases.sqlite(dbDirectory);
    }
}
