package dev.mcpver.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpver.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;

/** The trace store contract on PostgreSQL when {@code MCPVER_TEST_PG_URL} is set (CI sets it). */
class PostgresTraceStoreTest extends TraceStoreContract {
    @BeforeEach
    void requirePostgres() {
        assumeTrue(TestDatabases.postgresUrl().isPresent(), "MCPVER_TEST_PG_URL is not set");
    }

    @Override
    String freshUrl() {
        return TestDatabases.freshPostgresSchema(TestDatabases.postgresUrl().orElseThrow());
    }
}
