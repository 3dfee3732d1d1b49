package dev.mcpver.abtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A fake {@link ExperimentRepository} in memory, for service tests; one lock makes every call atomic. */
final class InMemoryRepository implements ExperimentRepository {
    private final Map<String, Experiment> experiments = new LinkedHashMap<>();
    private final Map<String, Map<SeriesKey, Moments>> moments = new HashMap<>();
    private final Map<String, Map<SeriesKey, List<Double>>> values = new HashMap<>();
    private final Map<String, Map<SeriesKey, Double>> minima = new HashMap<>();
    private final Map<String, List<WeightEpoch>> epochs = new HashMap<>();
    private final Map<String, Map<String, String>> exposures = new HashMap<>();
    private final Map<String, List<AuditEvent>> events = new HashMap<>();
    private final Map<String, Map<String, String>> keys = new HashMap<>();
    private final Map<String, List<SequentialPoint>> history = new HashMap<>();
    private final Map<String, Long> observations = new HashMap<>();

    @Override
    public synchronized void insert(Experiment experiment, WeightEpoch initialWeights, AuditEvent created) {
        if (experiments.values().stream()
                .anyMatch(e -> e.spec().name().equals(experiment.spec().name()))) {
            throw new ExperimentConflictException(ExperimentConflictException.Kind.DUPLICATE_NAME, "taken", null);
        }
        String id = experiment.id();
        experiments.put(id, experiment);
        moments.put(id, new HashMap<>());
        values.put(id, new HashMap<>());
        minima.put(id, new HashMap<>());
        epochs.put(id, new ArrayList<>(List.of(initialWeights)));
        exposures.put(id, new LinkedHashMap<>());
        events.put(id, new ArrayList<>(List.of(created)));
        keys.put(id, new HashMap<>());
    }

    @Override
    public synchronized Optional<Experiment> find(String id) {
        return Optional.ofNullable(experiments.get(id));
    }

    @Override
    public synchronized List<Experiment> list() {
        List<Experiment> all = new ArrayList<>(experiments.values());
        java.util.Collections.reverse(all);
        return all;
    }

    @Override
    public synchronized Experiment update(String id, BiFunction<Experiment, ExperimentData, Change> change) {
        Experiment current = find(id).orElseThrow(() -> new ExperimentNotFoundException(id));
        Change result = change.apply(current, data(id));
        apply(result);
        return result.updated();
    }

    private void apply(Change change) {
        String id = change.updated().id();
        experiments.put(id, change.updated());
        events.get(id).addAll(change.events());
        if (change.newEpoch() != null) {
            epochs.get(id).add(change.newEpoch());
        }
    }

    @Override
    public synchronized IngestOutcome ingest(
            String id, ObservationBatch batch, @Nullable String idempotencyKey, BatchPolicy policy) {
        Experiment experiment = find(id).orElseThrow(() -> new ExperimentNotFoundException(id));
        String known = idempotencyKey == null ? null : keys.get(id).get(idempotencyKey);
        if (known != null) {
            return new IngestOutcome.Replayed(Integer.parseInt(known.substring(0, known.indexOf(':'))));
        }
        if (experiment.status() != ExperimentStatus.RUNNING) {
            throw new ExperimentConflictException(
                    ExperimentConflictException.Kind.NOT_RUNNING, "not running", experiment.status());
        }
        batch.moments().forEach((key, m) -> moments.get(id).merge(key, m, Moments::merge));
        for (int i = 0; i < batch.size(); i++) {
            SeriesKey key = new SeriesKey(
                    batch.spec().metrics().get(batch.metric(i)).name(),
                    batch.spec().variants().get(batch.variant(i)).key());
            values.get(id).computeIfAbsent(key, k -> new ArrayList<>()).add(batch.value(i));
        }
        if (idempotencyKey != null) {
            keys.get(id).put(idempotencyKey, batch.size() + ":" + batch.sha256());
        }
        Effects effects = policy.afterBatch(experiment, data(id));
        long total = observations.merge(id, (long) batch.size(), Long::sum);
        effects.sequentialMinima().forEach((key, p) -> {
            double min = minima.get(id).merge(key, p, Math::min);
            history.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new SequentialPoint(key, total, min, java.time.Instant.EPOCH));
        });
        if (effects.change() != null) {
            apply(effects.change());
        }
        Experiment after = experiments.get(id);
        return new IngestOutcome.Accepted(
                batch.size(),
                effects.decision(),
                after.status(),
                after.status() != experiment.status() ? after.stop() : null);
    }

    @Override
    public synchronized ExperimentData data(String id) {
        return new ExperimentData(moments.get(id), minima.get(id), epochs.get(id));
    }

    @Override
    public synchronized double[] values(String id, SeriesKey series, long count) {
        return values.get(id).getOrDefault(series, List.of()).stream()
                .limit(count)
                .mapToDouble(Double::doubleValue)
                .toArray();
    }

    @Override
    public synchronized Exposure expose(String id, String unit, Instant at, Function<Experiment, String> choose) {
        Experiment experiment = find(id).orElseThrow(() -> new ExperimentNotFoundException(id));
        String variant = choose.apply(experiment);
        boolean first = exposures.get(id).put(unit, variant) == null;
        return new Exposure(experiment, variant, first);
    }

    @Override
    public synchronized List<SequentialPoint> sequentialHistory(String id) {
        return List.copyOf(history.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized Map<String, Long> exposures(String id) {
        Map<String, Long> counts = new LinkedHashMap<>();
        experiments.get(id).spec().variants().forEach(v -> counts.put(v.key(), 0L));
        exposures.get(id).values().forEach(v -> counts.merge(v, 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized List<AuditEvent> events(String id) {
        return List.copyOf(events.get(id));
    }
}
