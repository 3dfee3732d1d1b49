package dev.mcpver.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpver.testing.TestDatabases;

/** The deployment and rollback contract on PostgreSQL when {@code MCPVER_TEST_PG_URL} is set. */
class PostgresDeploymentRollbackStoreTest extends DeploymentRollbackStoreContract {
    @Override
    String freshUrl() {
        assumeTrue(TestDatabases.postgresUrl().isPresent(), "MCPVER_TEST_PG_URL is not set");
        return TestDatabases.freshPostgresSchema(TestDatabases.postgresUrl().orElseThrow());
    }
}
