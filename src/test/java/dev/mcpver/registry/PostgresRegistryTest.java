package dev.mcpver.registry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpver.store.Database;
import dev.mcpver.testing.TestDatabases;

/** The registry contract on PostgreSQL when {@code MCPVER_TEST_PG_URL} is set. */
class PostgresRegistryTest extends RegistryContract {
    @Override
    Database freshDatabase() {
        assumeTrue(TestDatabases.postgresUrl().isPresent(), "MCPVER_TEST_PG_URL is not set");
        return Database.openMigrated(
                TestDatabases.freshPostgresSchema(TestDatabases.postgresUrl().orElseThrow()));
    }
}
