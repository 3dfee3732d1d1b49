package dev.mcpver.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.mcpver.abtest.Action;
import dev.mcpver.abtest.Allocation;
import dev.mcpver.abtest.AuditEvent;
import dev.mcpver.abtest.Decision;
import dev.mcpver.abtest.Experiment;
import dev.mcpver.abtest.ExperimentConflictException;
import dev.mcpver.abtest.ExperimentData;
import dev.mcpver.abtest.ExperimentNotFoundException;
import dev.mcpver.abtest.ExperimentRepository;
import dev.mcpver.abtest.ExperimentStatus;
import dev.mcpver.abtest.IngestOutcome;
import dev.mcpver.abtest.Moments;
import dev.mcpver.abtest.ObservationBatch;
import dev.mcpver.abtest.SequentialPoint;
import dev.mcpver.abtest.SeriesKey;
import dev.mcpver.abtest.StopRecord;
import dev.mcpver.abtest.WeightEpoch;
import dev.mcpver.json.Json;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jspecify.annotations.Nullable;

/**
 * Experiments on SQLite or PostgreSQL ({@link ExperimentRepository}). Every write is one transaction that begins
 * with a write to the experiment's row: on PostgreSQL that row lock serialises writers of one experiment, on
 * SQLite it takes the database's write lock at once (a transaction that read first and wrote later could fail
 * with {@code SQLITE_BUSY_SNAPSHOT} instead of waiting). SQLite serialises writers anyway, so writers of this
 * store also queue on an in-process lock rather than spin on {@code busy_timeout}; a batch is one transaction
 * with one prepared batch insert.
 *
 * <p>Thread-safe.
 */
public final class ExperimentStore implements ExperimentRepository {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<Map<String, Double>> WEIGHTS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final Jdbi jdbi;
    private final Database database;
    private final boolean sqlite;
    private final Map<String, Definition> definitions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Supplier<Instant> now;

    public ExperimentStore(Database database, java.time.Clock clock) {
        this.jdbi = database.jdbi();
        this.database = database;
        this.sqlite = "sqlite".equals(database.vendor());
        this.now = clock::instant;
    }

    // ------------------------------------------------------------------ experiments

    @Override
    public void insert(Experiment experiment, WeightEpoch initialWeights, AuditEvent created) {
        try {
            inWriteTransaction(handle -> {
                ExperimentRows.insert(handle, experiment, now.get());
                insertSeries(handle, experiment);
                insertEpoch(handle, experiment.id(), initialWeights);
                insertEvents(handle, experiment.id(), List.of(created));
                return experiment;
            });
        } catch (JdbiException e) {
            if (nameTaken(experiment.spec().name())) {
                throw new ExperimentConflictException(
                        ExperimentConflictException.Kind.DUPLICATE_NAME,
                        "an experiment named \"" + experiment.spec().name() + "\" exists already",
                        null);
            }
            throw new StoreException("cannot store experiment " + experiment.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Experiment> find(String id) {
        return jdbi.withHandle(handle -> ExperimentRows.find(handle, id));
    }

    @Override
    public List<Experiment> list() {
        return jdbi.withHandle(ExperimentRows::all);
    }

    @Override
    public Experiment update(String id, BiFunction<Experiment, ExperimentData, Change> change) {
        return inWriteTransaction(handle -> {
            lockRow(handle, id);
            Experiment current = ExperimentRows.find(handle, id).orElseThrow();
            Change result = change.apply(current, data(handle, id));
            apply(handle, result);
            definitions.remove(id);
            return result.updated();
        });
    }

    private void apply(Handle handle, Change change) {
        Experiment updated = change.updated();
        ExperimentRows.update(handle, updated, now.get());
        insertEvents(handle, updated.id(), change.events());
        if (change.newEpoch() != null) {
            insertEpoch(handle, updated.id(), change.newEpoch());
        }
    }

    private static void lockRow(Handle handle, String id) {
        int rows = handle.createUpdate("UPDATE ab_experiments SET updated_at = updated_at WHERE id = :id")
                .bind("id", id)
                .execute();
        if (rows == 0) {
            throw new ExperimentNotFoundException(id);
        }
    }

    // ------------------------------------------------------------------ ingestion

    @Override
    public IngestOutcome ingest(
            String id, ObservationBatch batch, @Nullable String idempotencyKey, BatchPolicy policy) {
        try {
            return inWriteTransaction(handle -> ingest(handle, id, batch, idempotencyKey, policy));
        } catch (Replay replay) {
            return new IngestOutcome.Replayed(replay.accepted);
        }
    }

    private IngestOutcome ingest(
            Handle handle, String id, ObservationBatch batch, @Nullable String key, BatchPolicy policy) {
        Instant at = now.get();
        Optional<Long> version = handle.createQuery("UPDATE ab_experiments SET observations = observations + :k,"
                        + " updated_at = :at WHERE id = :id AND status = 'running' RETURNING version")
                .bind("k", batch.size())
                .bind("at", at.toString())
                .bind("id", id)
                .mapTo(Long.class)
                .findOne();
        if (version.isEmpty()) {
            replayIfKnown(handle, id, key, batch);
            throw notRunning(handle, id);
        }
        if (key != null) {
            claimKey(handle, id, key, batch, at);
        }
        Definition definition = definition(handle, id, version.get());
        Map<SeriesKey, SeriesRow> series = SeriesRow.load(handle, id);
        Map<SeriesKey, Moments> merged = merge(handle, series, batch);
        ExperimentData data = new ExperimentData(merged, minima(handle, id), definition.epochs());
        Experiment experiment = definition.experiment();
        Effects effects = policy.afterBatch(experiment, data);
        lowerMinima(handle, id, effects.sequentialMinima(), at);
        recordHistory(handle, id, effects.sequentialMinima(), at);
        Change change = effects.change();
        if (change != null) {
            apply(handle, change);
            definitions.remove(id);
        }
        Experiment after = change == null ? experiment : change.updated();
        StopRecord stop = experiment.status() != after.status() ? after.stop() : null;
        return new IngestOutcome.Accepted(batch.size(), effects.decision(), after.status(), stop);
    }

    /** An experiment and its weight periods as of one {@code version} of its row. */
    private record Definition(long version, Experiment experiment, List<WeightEpoch> epochs) {}

    /**
     * The experiment and its weight periods, from a cache checked against the row's {@code version} (bumped by
     * every change, in any process), so a batch reads them only after they changed.
     */
    private Definition definition(Handle handle, String id, long version) {
        Definition cached = definitions.get(id);
        if (cached != null && cached.version() == version) {
            return cached;
        }
        Definition loaded =
                new Definition(version, ExperimentRows.find(handle, id).orElseThrow(), epochs(handle, id));
        definitions.put(id, loaded);
        return loaded;
    }

    /** Merges the batch into the series aggregates and appends the raw values; returns every series' aggregate. */
    private Map<SeriesKey, Moments> merge(Handle handle, Map<SeriesKey, SeriesRow> series, ObservationBatch batch) {
        Map<SeriesKey, Moments> added = batch.moments();
        Map<SeriesKey, Moments> merged = new LinkedHashMap<>();
        for (Map.Entry<SeriesKey, SeriesRow> entry : series.entrySet()) {
            Moments current = entry.getValue().moments();
            Moments batchPart = added.get(entry.getKey());
            if (batchPart != null) {
                current = current.merge(batchPart);
                SeriesRow.update(handle, entry.getValue().id(), current);
            }
            merged.put(entry.getKey(), current);
        }
        insertObservations(handle, series, batch);
        return merged;
    }

    /** Appends the raw values; each series' values get seq numbers following its current count. */
    private void insertObservations(Handle handle, Map<SeriesKey, SeriesRow> series, ObservationBatch batch) {
        int variants = batch.spec().variants().size();
        int metrics = batch.spec().metrics().size();
        long[] ids = new long[variants * metrics];
        long[] next = new long[variants * metrics];
        for (int v = 0; v < variants; v++) {
            for (int m = 0; m < metrics; m++) {
                SeriesRow row = java.util.Objects.requireNonNull(
                        series.get(new SeriesKey(
                                batch.spec().metrics().get(m).name(),
                                batch.spec().variants().get(v).key())),
                        "every series row is created with the experiment");
                ids[v * metrics + m] = row.id();
                next[v * metrics + m] = row.n();
            }
        }
        if (sqlite) {
            insertAsJsonArrays(handle, ids, next, batch);
        } else {
            insertAsBatch(handle, ids, next, batch);
        }
    }

    /**
     * SQLite: one statement per series, expanding a JSON array with {@code json_each} inside SQLite, like the
     * {@code sqlite3} shell's CSV import: no JNI round trip per row. {@link Double#toString} is the shortest text
     * that round-trips, and SQLite 3.54 parses it back to the identical double (checked by the store contract,
     * which compares stored and posted values bit for bit).
     */
    private static void insertAsJsonArrays(Handle handle, long[] ids, long[] next, ObservationBatch batch) {
        int metrics = batch.spec().metrics().size();
        StringBuilder[] arrays = new StringBuilder[ids.length];
        for (int i = 0; i < batch.size(); i++) {
            int s = batch.variant(i) * metrics + batch.metric(i);
            StringBuilder array = arrays[s];
            if (array == null) {
                array = new StringBuilder(batch.size() * 12).append('[');
                arrays[s] = array;
            } else {
                array.append(',');
            }
            array.append(batch.value(i));
        }
        try (PreparedStatement insert = handle.getConnection()
                .prepareStatement(
                        "INSERT INTO ab_observations (series_id, seq, value) SELECT ?, ? + key, value FROM json_each(?)")) {
            for (int s = 0; s < arrays.length; s++) {
                if (arrays[s] != null) {
                    insert.setLong(1, ids[s]);
                    insert.setLong(2, next[s]);
                    insert.setString(3, arrays[s].append(']').toString());
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot insert observations: " + e.getMessage(), e);
        }
    }

    /** PostgreSQL: a prepared batch insert. */
    private static void insertAsBatch(Handle handle, long[] ids, long[] next, ObservationBatch batch) {
        int metrics = batch.spec().metrics().size();
        try (PreparedStatement insert = handle.getConnection()
                .prepareStatement("INSERT INTO ab_observations (series_id, seq, value) VALUES (?, ?, ?)")) {
            for (int i = 0; i < batch.size(); i++) {
                int s = batch.variant(i) * metrics + batch.metric(i);
                insert.setLong(1, ids[s]);
                insert.setLong(2, next[s]++);
                insert.setDouble(3, batch.value(i));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("cannot insert observations: " + e.getMessage(), e);
        }
    }

    private static void claimKey(Handle handle, String id, String key, ObservationBatch batch, Instant at) {
        String digest = batch.sha256();
        int claimed = handle.createUpdate("INSERT INTO ab_idempotency (experiment_id, idem_key, batch_sha256,"
                        + " accepted, created_at) VALUES (:id, :key, :sha, :n, :at) ON CONFLICT DO NOTHING")
                .bind("id", id)
                .bind("key", key)
                .bind("sha", digest)
                .bind("n", batch.size())
                .bind("at", at.toString())
                .execute();
        if (claimed == 0) {
            replayIfKnown(handle, id, key, batch);
        }
    }

    /** Throws {@link Replay} (rolling the transaction back) when the key was used for this very batch. */
    private static void replayIfKnown(Handle handle, String id, @Nullable String key, ObservationBatch batch) {
        if (key == null) {
            return;
        }
        Optional<KnownBatch> known = handle.createQuery(
                        "SELECT batch_sha256, accepted FROM ab_idempotency WHERE experiment_id = :id AND idem_key = :key")
                .bind("id", id)
                .bind("key", key)
                .map((rs, ctx) -> new KnownBatch(rs.getString("batch_sha256"), rs.getInt("accepted")))
                .findOne();
        if (known.isEmpty()) {
            return;
        }
        if (!batch.sha256().equals(known.get().sha256())) {
            throw new ExperimentConflictException(
                    ExperimentConflictException.Kind.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key \"" + key + "\" was used for a different batch",
                    null);
        }
        throw new Replay(known.get().accepted());
    }

    private record KnownBatch(String sha256, int accepted) {}

    private static RuntimeException notRunning(Handle handle, String id) {
        Optional<String> status = handle.createQuery("SELECT status FROM ab_experiments WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne();
        if (status.isEmpty()) {
            return new ExperimentNotFoundException(id);
        }
        ExperimentStatus current = ExperimentStatus.fromWire(status.get()).orElseThrow();
        return new ExperimentConflictException(
                ExperimentConflictException.Kind.NOT_RUNNING,
                "experiment " + id + " is " + current.wireName() + "; observations are accepted only while running",
                current);
    }

    /** A replayed batch: unwinds the transaction, then becomes {@link IngestOutcome.Replayed}. */
    private static final class Replay extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int accepted;

        Replay(int accepted) {
            super(null, null, false, false);
            this.accepted = accepted;
        }
    }

    // ------------------------------------------------------------------ reads

    @Override
    public ExperimentData data(String id) {
        TransactionIsolationLevel isolation =
                sqlite ? TransactionIsolationLevel.SERIALIZABLE : TransactionIsolationLevel.REPEATABLE_READ;
        return jdbi.inTransaction(isolation, handle -> {
            if (ExperimentRows.find(handle, id).isEmpty()) {
                throw new ExperimentNotFoundException(id);
            }
            return data(handle, id);
        });
    }

    private static ExperimentData data(Handle handle, String id) {
        Map<SeriesKey, Moments> moments = new LinkedHashMap<>();
        SeriesRow.load(handle, id).forEach((key, row) -> moments.put(key, row.moments()));
        return new ExperimentData(moments, minima(handle, id), epochs(handle, id));
    }

    @Override
    public double[] values(String id, SeriesKey series, long count) {
        return jdbi.withHandle(handle -> {
            SeriesRow row = SeriesRow.load(handle, id).get(series);
            if (row == null || count <= 0) {
                return new double[0];
            }
            return readValues(handle.getConnection(), row.id(), Math.min(count, row.n()));
        });
    }

    private static double[] readValues(Connection connection, long seriesId, long count) {
        double[] values = new double[Math.toIntExact(count)];
        int read = 0;
        try (PreparedStatement query =
                connection.prepareStatement("SELECT value FROM ab_observations WHERE series_id = ? AND seq < ?")) {
            query.setLong(1, seriesId);
            query.setLong(2, count);
            query.setFetchSize(10_000);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next() && read < values.length) {
                    values[read++] = rs.getDouble(1);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read observations: " + e.getMessage(), e);
        }
        return read == values.length ? values : java.util.Arrays.copyOf(values, read);
    }

    // ------------------------------------------------------------------ exposures and events

    @Override
    public Exposure expose(String id, String unit, Instant at, Function<Experiment, String> choose) {
        return inWriteTransaction(handle -> {
            if (sqlite) {
                lockRow(handle, id); // write first: SQLite then waits for the lock instead of failing the upgrade
            }
            Experiment experiment =
                    ExperimentRows.find(handle, id).orElseThrow(() -> new ExperimentNotFoundException(id));
            String variant = choose.apply(experiment);
            int inserted = handle.createUpdate("INSERT INTO ab_exposures (experiment_id, unit_id, variant_key,"
                            + " first_at) VALUES (:id, :unit, :variant, :at) ON CONFLICT DO NOTHING")
                    .bind("id", id)
                    .bind("unit", unit)
                    .bind("variant", variant)
                    .bind("at", at.toString())
                    .execute();
            if (inserted == 0) {
                handle.createUpdate("UPDATE ab_exposures SET variant_key = :variant"
                                + " WHERE experiment_id = :id AND unit_id = :unit AND variant_key <> :variant")
                        .bind("id", id)
                        .bind("unit", unit)
                        .bind("variant", variant)
                        .execute();
            }
            return new Exposure(experiment, variant, inserted == 1);
        });
    }

    @Override
    public Map<String, Long> exposures(String id) {
        return jdbi.withHandle(handle -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            handle.createQuery("SELECT key FROM ab_variants WHERE experiment_id = :id ORDER BY position")
                    .bind("id", id)
                    .mapTo(String.class)
                    .forEach(key -> counts.put(key, 0L));
            handle.createQuery("SELECT variant_key, COUNT(*) AS units FROM ab_exposures WHERE experiment_id = :id"
                            + " GROUP BY variant_key")
                    .bind("id", id)
                    .map((rs, ctx) -> Map.entry(rs.getString("variant_key"), rs.getLong("units")))
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            return counts;
        });
    }

    @Override
    public List<AuditEvent> events(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT type, actor, at, details FROM ab_events WHERE experiment_id = :id ORDER BY seq")
                .bind("id", id)
                .map((rs, ctx) -> new AuditEvent(
                        rs.getString("type"),
                        rs.getString("actor"),
                        Instant.parse(rs.getString("at")),
                        readJson(rs.getString("details"), OBJECT)))
                .list());
    }

    // ------------------------------------------------------------------ helpers

    private static void insertSeries(Handle handle, Experiment experiment) {
        var batch = handle.prepareBatch("INSERT INTO ab_series (experiment_id, variant_key, metric_name, n, total, m2)"
                + " VALUES (:id, :variant, :metric, 0, 0, 0)");
        for (var variant : experiment.spec().variants()) {
            for (var metric : experiment.spec().metrics()) {
                batch.bind("id", experiment.id())
                        .bind("variant", variant.key())
                        .bind("metric", metric.name())
                        .add();
            }
        }
        batch.execute();
    }

    private static void insertEpoch(Handle handle, String id, WeightEpoch epoch) {
        handle.createUpdate("INSERT INTO ab_weight_epochs (experiment_id, epoch, weights, counts_at_start,"
                        + " started_at) VALUES (:id, :epoch, :weights, :counts, :at)")
                .bind("id", id)
                .bind("epoch", epoch.epoch())
                .bind("weights", Json.write(epoch.weights()))
                .bind("counts", Json.write(epoch.countsAtStart()))
                .bind("at", epoch.startedAt().toString())
                .execute();
    }

    private static List<WeightEpoch> epochs(Handle handle, String id) {
        return handle.createQuery("SELECT epoch, weights, counts_at_start, started_at FROM ab_weight_epochs"
                        + " WHERE experiment_id = :id ORDER BY epoch")
                .bind("id", id)
                .map((rs, ctx) -> new WeightEpoch(
                        rs.getInt("epoch"),
                        readJson(rs.getString("weights"), WEIGHTS),
                        readJson(rs.getString("counts_at_start"), COUNTS),
                        Instant.parse(rs.getString("started_at"))))
                .list();
    }

    private static void insertEvents(Handle handle, String id, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        int seq = handle.createQuery("SELECT COALESCE(MAX(seq), 0) FROM ab_events WHERE experiment_id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
        for (AuditEvent event : events) {
            handle.createUpdate("INSERT INTO ab_events (experiment_id, seq, type, actor, at, details)"
                            + " VALUES (:id, :seq, :type, :actor, :at, :details)")
                    .bind("id", id)
                    .bind("seq", ++seq)
                    .bind("type", event.type())
                    .bind("actor", event.actor())
                    .bind("at", event.at().toString())
                    .bind("details", Json.write(event.details()))
                    .execute();
        }
    }

    private static Map<SeriesKey, Double> minima(Handle handle, String id) {
        Map<SeriesKey, Double> minima = new LinkedHashMap<>();
        handle.createQuery("SELECT metric_name, treatment_key, p_min FROM ab_sequential WHERE experiment_id = :id")
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(
                        new SeriesKey(rs.getString("metric_name"), rs.getString("treatment_key")),
                        rs.getDouble("p_min")))
                .forEach(entry -> minima.put(entry.getKey(), entry.getValue()));
        return minima;
    }

    /** Appends the sequential p-values after this batch (already running minima) to the plotted history. */
    private static void recordHistory(Handle handle, String id, Map<SeriesKey, Double> current, Instant at) {
        if (current.isEmpty()) {
            return;
        }
        long observations = handle.createQuery("SELECT observations FROM ab_experiments WHERE id = :id")
                .bind("id", id)
                .mapTo(Long.class)
                .one();
        var insert = handle.prepareBatch("INSERT INTO ab_sequential_history (experiment_id, metric_name, treatment_key,"
                + " observations, p_value, at) VALUES (:id, :metric, :treatment, :n, :p, :at)"
                + " ON CONFLICT DO NOTHING");
        current.forEach((series, p) -> insert.bind("id", id)
                .bind("metric", series.metric())
                .bind("treatment", series.variant())
                .bind("n", observations)
                .bind("p", p)
                .bind("at", at.toString())
                .add());
        insert.execute();
    }

    @Override
    public List<SequentialPoint> sequentialHistory(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT metric_name, treatment_key, observations, p_value, at"
                                + " FROM ab_sequential_history WHERE experiment_id = :id"
                                + " ORDER BY metric_name, treatment_key, observations")
                .bind("id", id)
                .map((rs, ctx) -> new SequentialPoint(
                        new SeriesKey(rs.getString("metric_name"), rs.getString("treatment_key")),
                        rs.getLong("observations"),
                        rs.getDouble("p_value"),
                        Instant.parse(rs.getString("at"))))
                .list());
    }

    /** Stores each p where it is lower than the stored one (or new): the running minimum. */
    private static void lowerMinima(Handle handle, String id, Map<SeriesKey, Double> minima, Instant at) {
        for (Map.Entry<SeriesKey, Double> entry : minima.entrySet()) {
            int changed = handle.createUpdate("UPDATE ab_sequential SET p_min = :p, updated_at = :at"
                            + " WHERE experiment_id = :id AND metric_name = :metric AND treatment_key = :treatment"
                            + " AND p_min > :p")
                    .bind("p", entry.getValue())
                    .bind("at", at.toString())
                    .bind("id", id)
                    .bind("metric", entry.getKey().metric())
                    .bind("treatment", entry.getKey().variant())
                    .execute();
            if (changed == 0) {
                handle.createUpdate("INSERT INTO ab_sequential (experiment_id, metric_name, treatment_key, p_min,"
                                + " updated_at) VALUES (:id, :metric, :treatment, :p, :at) ON CONFLICT DO NOTHING")
                        .bind("p", entry.getValue())
                        .bind("at", at.toString())
                        .bind("id", id)
                        .bind("metric", entry.getKey().metric())
                        .bind("treatment", entry.getKey().variant())
                        .execute();
            }
        }
    }

    private boolean nameTaken(String name) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM ab_experiments WHERE name = :name")
                        .bind("name", name)
                        .mapTo(Integer.class)
                        .one())
                > 0;
    }

    /** Every write of this store goes through the database's one writer path (see Database#inWriteTransaction). */
    private <T> T inWriteTransaction(HandleCallback<T, RuntimeException> work) {
        return database.inWriteTransaction(work);
    }

    static <T> T readJson(String text, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String writeStrings(List<String> values) {
        return Json.write(values);
    }

    static List<String> readStrings(String text) {
        return readJson(text, STRINGS);
    }

    static @Nullable Decision proposal(@Nullable String action, @Nullable String winner, @Nullable String reasons) {
        if (action == null || reasons == null) {
            return null;
        }
        return new Decision(Action.fromWire(action).orElseThrow(), winner, readStrings(reasons));
    }

    static Allocation allocation(String text) {
        return Allocation.decode(text);
    }
}
