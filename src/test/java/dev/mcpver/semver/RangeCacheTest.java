package dev.mcpver.semver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RangeCacheTest {
    @Test
    void should_evict_the_least_recently_used_entry_when_full() {
        RangeCache cache = new RangeCache(2);
        Range a = RangeParser.parse("1");
        cache.put("a", a);
        cache.put("b", RangeParser.parse("2"));

        cache.get("a"); // a is now the most recently used
        cache.put("c", RangeParser.parse("3"));

        assertThat(cache.get("a")).isSameAs(a);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void should_stay_bounded_and_consistent_when_used_from_many_threads() throws Exception {
        RangeCache cache = new RangeCache(1_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < 3_000; i++) {
                        String version = (1 + (i * 7 + offset) % 1_500) + ".0.0";
                        String key = "^" + version;
                        Range cached = cache.get(key);
                        if (cached == null) {
                            cache.put(key, RangeParser.parse(key));
                        } else {
                            assertThat(cached.normalized()).startsWith(">=" + version + " <");
                        }
                    }
                }));
            }
            for (Future<?> task : tasks) {
                task.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(cache.size()).isEqualTo(1_000);
    }
}
