package dev.mcpver.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpver.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;

/** The experiment store contract on PostgreSQL when {@code MCPVER_TEST_PG_URL} is set. */
class PostgresExperimentStoreTest extends ExperimentStoreContract {
    @BeforeEach
    void requirePostgres() {
        assumeTrue(TestDatabases.postgresUrl().isPresent(), "MCPVER_TEST_PG_URL is not set");
    }

    @Override
    Database freshDatabase() {
        return Database.openMigrated(
                TestDatabases.freshPostgresSchema(TestDatabases.postgresUrl().orElseThrow()));
    }
}
