package dev.mcpver.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpver.testing.TestDatabases;

/** The migration store contract on PostgreSQL when {@code MCPVER_TEST_PG_URL} is set. */
class PostgresMigrationStoreTest extends MigrationStoreContract {
    @Override
    String freshUrl() {
        assumeTrue(TestDatabases.postgresUrl().isPresent(), "MCPVER_TEST_PG_URL is not set");
        return TestDatabases.freshPostgresSchema(TestDatabases.postgresUrl().orElseThrow());
    }
}
