package dev.mcpver.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The compat report cache and the snapshot store, on every vendor. */
abstract class CompatStoreContract {
    /** A clock tests move by hand. */
    static final class SteppingClock extends Clock {
        private final AtomicLong seconds = new AtomicLong(1_700_000_000L);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(seconds.incrementAndGet());
        }
    }

    abstract String freshUrl();

    @Test
    void should_return_a_cached_report_and_keep_the_first_one_for_a_key() {
        CompatCacheStore cache = new CompatCacheStore(Database.openMigrated(freshUrl()), new SteppingClock(), 10);

        cache.put("k1", "{\"a\":1}");
        cache.put("k1", "{\"a\":2}");

        assertThat(cache.get("k1")).contains("{\"a\":1}");
        assertThat(cache.get("missing")).isEmpty();
    }

    @Test
    void should_evict_the_oldest_reports_beyond_the_capacity() {
        CompatCacheStore cache = new CompatCacheStore(Database.openMigrated(freshUrl()), new SteppingClock(), 2);

        cache.put("a", "1");
        cache.put("b", "2");
        cache.put("c", "3");

        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.get("b")).contains("2");
        assertThat(cache.get("c")).contains("3");
    }

    @Test
    void should_store_snapshots_and_find_them_by_id() {
        SnapshotStore store = new SnapshotStore(Database.openMigrated(freshUrl()), new SteppingClock());

        store.save("s1", "abc", "server", "1.0.0", "node x.js", "{\"schemaVersion\":1}");
        store.save("s2", "def", null, null, "http://127.0.0.1:1/mcp", "{}");

        assertThat(store.find("s1")).get().satisfies(s -> {
            assertThat(s.serverVersion()).isEqualTo("1.0.0");
            assertThat(s.surface()).isEqualTo("{\"schemaVersion\":1}");
        });
        assertThat(store.find("nope")).isEmpty();
        assertThat(store.latest(10))
                .extracting(SnapshotStore.StoredSnapshot::id)
                .containsExactly("s2", "s1");
    }
}
