package dev.mcpver.abtest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Persistence of experiments (port; {@code store.ExperimentStore} implements it on SQLite and PostgreSQL).
 * Every write is one transaction; acknowledged writes are committed.
 */
public interface ExperimentRepository {
    /**
     * Stores a new experiment with its first weight period and audit event.
     *
     * @throws ExperimentConflictException {@code DUPLICATE_NAME} when the name is taken
     */
    void insert(Experiment experiment, WeightEpoch initialWeights, AuditEvent created);

    Optional<Experiment> find(String id);

    /** Every experiment, newest first. */
    List<Experiment> list();

    /**
     * Read-modify-write under the experiment's write lock: {@code change} sees the current state and data and
     * returns what to store (the updated experiment, audit events and, after a weight change, a new period).
     *
     * @throws ExperimentNotFoundException when there is no such experiment
     */
    Experiment update(String id, BiFunction<Experiment, ExperimentData, Change> change);

    /** The outcome of a read-modify-write. */
    record Change(
            Experiment updated,
            List<AuditEvent> events,
            @Nullable WeightEpoch newEpoch) {
        public Change {
            events = List.copyOf(events);
        }

        public static Change of(Experiment updated, AuditEvent event) {
            return new Change(updated, List.of(event), null);
        }
    }

    /**
     * Stores a batch in one transaction: raw observations, merged aggregates, the idempotency key, and whatever
     * {@code policy} decides on the merged data (new sequential minima, an automatic stop). All or nothing.
     *
     * @param idempotencyKey when not null, a second batch with this key is not stored again
     * @throws ExperimentNotFoundException no such experiment
     * @throws ExperimentConflictException {@code NOT_RUNNING}, or {@code IDEMPOTENCY_KEY_REUSED} for the same key
     *     with a different batch
     */
    IngestOutcome ingest(String id, ObservationBatch batch, @Nullable String idempotencyKey, BatchPolicy policy);

    /** What a batch changes besides the data, decided on the merged aggregates inside the batch's transaction. */
    @FunctionalInterface
    interface BatchPolicy {
        Effects afterBatch(Experiment experiment, ExperimentData data);
    }

    /**
     * @param sequentialMinima current sequential p per (metric, treatment); stored where lower than before
     * @param decision the decision on the merged data
     * @param change an experiment change (automatic stop, promotion proposal), or null
     */
    record Effects(
            Map<SeriesKey, Double> sequentialMinima,
            Decision decision,
            @Nullable Change change) {}

    /** A consistent snapshot of the experiment's aggregates, minima and weight periods. */
    ExperimentData data(String id);

    /** The sequential p-values after each batch, per series in batch order (for plotting; empty when none). */
    List<SequentialPoint> sequentialHistory(String id);

    /**
     * Raw values of one series, unordered, for the rank test: the first {@code count} stored (seq below count), so
     * the values match an aggregate snapshot with n = count even while batches keep arriving.
     */
    double[] values(String id, SeriesKey series, long count);

    /**
     * Assigns a unit in one transaction: {@code choose} picks the variant from the current experiment (or throws),
     * and the unit is counted once. A unit moved by a weight change keeps its one row, updated to its new variant.
     *
     * @throws ExperimentNotFoundException when there is no such experiment
     */
    Exposure expose(String id, String unit, Instant at, Function<Experiment, String> choose);

    /**
     * @param experiment the experiment as read in the transaction
     * @param variant the chosen variant
     * @param first true when this call counted the unit
     */
    record Exposure(Experiment experiment, String variant, boolean first) {}

    /** Units exposed per variant key. */
    Map<String, Long> exposures(String id);

    /** The audit trail, oldest first. */
    List<AuditEvent> events(String id);
}
