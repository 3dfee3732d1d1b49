package dev.mcpver.store;

import dev.mcpver.abtest.Moments;
import dev.mcpver.abtest.SeriesKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** One row of {@code ab_series}: the running aggregate of a (variant, metric) series and its id. */
record SeriesRow(long id, long n, double total, double m2) {
    Moments moments() {
        return new Moments(n, total, m2);
    }

    static Map<SeriesKey, SeriesRow> load(Handle handle, String experimentId) {
        Map<SeriesKey, SeriesRow> rows = new LinkedHashMap<>();
        handle.createQuery("SELECT id, variant_key, metric_name, n, total, m2 FROM ab_series"
                        + " WHERE experiment_id = :id ORDER BY id")
                .bind("id", experimentId)
                .map((rs, ctx) -> Map.entry(
                        new SeriesKey(rs.getString("metric_name"), rs.getString("variant_key")),
                        new SeriesRow(rs.getLong("id"), rs.getLong("n"), rs.getDouble("total"), rs.getDouble("m2"))))
                .forEach(entry -> rows.put(entry.getKey(), entry.getValue()));
        return rows;
    }

    static void update(Handle handle, long id, Moments moments) {
        handle.createUpdate("UPDATE ab_series SET n = :n, total = :total, m2 = :m2 WHERE id = :id")
                .bind("n", moments.n())
                .bind("total", moments.sum())
                .bind("m2", moments.m2())
                .bind("id", id)
                .execute();
    }
}
