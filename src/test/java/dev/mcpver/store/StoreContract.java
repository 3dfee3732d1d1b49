package dev.mcpver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;

/** The behaviour every database vendor must show; subclasses supply a fresh, unmigrated database URL. */
abstract class StoreContract {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    /** A URL of an empty database, new for each call. */
    abstract String freshUrl();

    @Test
    void should_apply_every_migration_on_a_fresh_database_and_none_when_reopened() {
        String url = freshUrl();
        Database first = Database.open(url);
        assertThat(first.readiness().ready()).isFalse();

        int applied = first.migrate();
        Database reopened = Database.open(url);

        assertThat(applied).isPositive();
        assertThat(reopened.migrate()).isZero();
        assertThat(reopened.readiness().ready()).isTrue();
        assertThat(reopened.schemaVersion()).isNotEmpty();
    }

    @Test
    void should_skip_flyway_only_when_every_shipped_migration_was_applied() {
        String url = freshUrl();
        Database fresh = Database.open(url);
        assertThat(fresh.schemaCurrent()).isFalse();
        assertThat(fresh.shippedVersions())
                .as("Database.SHIPPED_MIGRATIONS / SHIPPED_MAX_VERSION must describe the migration folders")
                .hasSize(Database.SHIPPED_MIGRATIONS)
                .last()
                .isEqualTo(String.valueOf(Database.SHIPPED_MAX_VERSION));

        Database migrated = Database.openMigrated(url);
        assertThat(migrated.schemaCurrent()).isTrue();

        migrated.jdbi()
                .useHandle(handle -> handle.execute(
                        "DELETE FROM flyway_schema_history WHERE version = ?",
                        String.valueOf(Database.SHIPPED_MAX_VERSION)));
        assertThat(migrated.schemaCurrent())
                .as("a missing migration takes the Flyway path")
                .isFalse();
    }

    @Test
    void should_keep_the_first_value_when_two_writers_create_the_same_key() {
        MetaStore meta = new MetaStore(Database.openMigrated(freshUrl()), clock);

        String first = meta.getOrCreate("installation_id", "A");
        String second = meta.getOrCreate("installation_id", "B");
        meta.put("note", "x");
        meta.put("note", "y");

        assertThat(first).isEqualTo("A");
        assertThat(second).isEqualTo("A");
        assertThat(meta.get("note")).contains("y");
        assertThat(meta.get("missing")).isEmpty();
    }

    @Test
    void should_roll_back_the_whole_transaction_when_a_unique_constraint_fails() {
        Database database = Database.openMigrated(freshUrl());

        assertThatThrownBy(() -> database.jdbi().useTransaction(handle -> {
                    insertMeta(handle, "k1");
                    insertMeta(handle, "k1");
                }))
                .isInstanceOf(JdbiException.class);

        int rows = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM app_meta")
                        .mapTo(Integer.class)
                        .one());
        assertThat(rows).isZero();
    }

    @Test
    void should_report_its_vendor() {
        Database database = Database.openMigrated(freshUrl());

        assertThat(database.vendor()).isIn("sqlite", "postgresql");
        assertThat(database.displayUrl()).doesNotContain("password");
    }

    private static void insertMeta(org.jdbi.v3.core.Handle handle, String key) {
        handle.createUpdate("INSERT INTO app_meta(key, value, updated_at) VALUES (:k, 'v', 't')")
                .bind("k", key)
                .execute();
    }
}
