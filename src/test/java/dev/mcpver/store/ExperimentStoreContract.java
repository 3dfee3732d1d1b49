package dev.mcpver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mcpver.abtest.Action;
import dev.mcpver.abtest.Allocation;
import dev.mcpver.abtest.Analysis;
import dev.mcpver.abtest.AuditEvent;
import dev.mcpver.abtest.Experiment;
import dev.mcpver.abtest.ExperimentConflictException;
import dev.mcpver.abtest.ExperimentData;
import dev.mcpver.abtest.ExperimentNotFoundException;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.abtest.ExperimentSpec;
import dev.mcpver.abtest.ExperimentStatus;
import dev.mcpver.abtest.Experiments;
import dev.mcpver.abtest.IngestOutcome;
import dev.mcpver.abtest.Moments;
import dev.mcpver.abtest.ObservationBatch;
import dev.mcpver.abtest.SequentialPoint;
import dev.mcpver.abtest.SeriesKey;
import dev.mcpver.abtest.StopRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every experiment store must do; subclasses supply a fresh, migrated database. */
abstract class ExperimentStoreContract {
    abstract Database freshDatabase();

    private ExperimentStore store;
    private ExperimentService service;

    private ExperimentService service() {
        if (service == null) {
            store = new ExperimentStore(freshDatabase(), Experiments.CLOCK);
            service = Experiments.service(store);
        }
        return service;
    }

    @Test
    void should_store_and_list_an_experiment_and_refuse_a_duplicate_name() {
        Experiment created = service().create(Experiments.example("search-1.1"), "alice");

        Experiment found = service().get(created.id());
        assertThat(found).isEqualTo(created);
        assertThat(service().list(null)).extracting(Experiment::id).containsExactly(created.id());
        assertThat(service().list(ExperimentStatus.RUNNING)).isEmpty();
        assertThatThrownBy(() -> service().create(Experiments.example("search-1.1"), "bob"))
                .isInstanceOfSatisfying(
                        ExperimentConflictException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExperimentConflictException.Kind.DUPLICATE_NAME));
        assertThatThrownBy(() -> service().get("nope")).isInstanceOf(ExperimentNotFoundException.class);
    }

    @Test
    void should_move_through_the_life_cycle_and_refuse_other_transitions() {
        String id = service().create(Experiments.latency("life"), "alice").id();

        service().start(id, "alice");
        service().pause(id, "alice");
        Experiment resumed = service().start(id, "alice");
        Experiment stopped = service().stop(id, "bob", "enough", null);

        assertThat(resumed.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(resumed.startedAt()).isEqualTo(Experiments.CLOCK.instant());
        assertThat(stopped.stop()).isNotNull();
        assertThat(stopped.stop().outcome()).isEqualTo(StopRecord.Outcome.MANUAL);
        assertThat(stopped.stop().by()).isEqualTo("bob");
        assertThatThrownBy(() -> service().start(id, "alice"))
                .isInstanceOfSatisfying(ExperimentConflictException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ExperimentConflictException.Kind.INVALID_TRANSITION);
                    assertThat(e.allowedNextStates()).isEmpty();
                });
        assertThat(service().history(id))
                .extracting(AuditEvent::type)
                .containsExactly("created", "started", "paused", "started", "stopped");
    }

    @Test
    void should_refuse_observations_before_start_and_after_stop() {
        ExperimentSpec spec = Experiments.latency("gate");
        String id = service().create(spec, "alice").id();
        ObservationBatch batch = Experiments.balanced(spec, "latency", 1, 2, 3);

        assertThatThrownBy(() -> service().ingest(id, batch, null))
                .isInstanceOfSatisfying(ExperimentConflictException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ExperimentConflictException.Kind.NOT_RUNNING);
                    assertThat(e.status()).isEqualTo(ExperimentStatus.DRAFT);
                });
        assertThatThrownBy(() -> service().ingest("missing", batch, null))
                .isInstanceOf(ExperimentNotFoundException.class);
    }

    @Test
    void should_keep_aggregates_equal_to_the_raw_values_across_batches() {
        ExperimentSpec spec = Experiments.latency("aggregates");
        String id = started(spec);
        Random random = new Random(3);
        List<Double> a = new ArrayList<>();
        for (int batch = 0; batch < 5; batch++) {
            ObservationBatch.Builder builder = ObservationBatch.builder(spec);
            for (int i = 0; i < 40; i++) {
                double value = 1e6 + random.nextGaussian();
                a.add(value);
                builder.add("A", "latency", value).add("B", "latency", 1e6 + random.nextGaussian());
            }
            service().ingest(id, builder.build(), null);
        }

        ExperimentData data = store.data(id);
        double[] raw = a.stream().mapToDouble(Double::doubleValue).toArray();
        Moments expected = Moments.of(raw);
        Moments stored = data.moments().get(new SeriesKey("latency", "A"));
        assertThat(stored.n()).isEqualTo(200);
        assertThat(stored.mean()).isCloseTo(expected.mean(), within(1e-9));
        assertThat(stored.variance()).isCloseTo(expected.variance(), within(1e-9));
        double[] values = store.values(id, new SeriesKey("latency", "A"), Long.MAX_VALUE);
        Arrays.sort(values);
        Arrays.sort(raw);
        assertThat(values).containsExactly(raw);
        assertThat(store.values(id, new SeriesKey("latency", "B"), 150)).hasSize(150);
    }

    @Test
    void should_store_nothing_of_a_batch_whose_transaction_fails() {
        ExperimentSpec spec = Experiments.latency("atomic");
        String id = started(spec);

        assertThatThrownBy(() -> store.ingest(id, Experiments.balanced(spec, "latency", 1, 2), "k1", (e, d) -> {
                    throw new IllegalStateException("boom after the inserts");
                }))
                .hasMessageContaining("boom");

        assertThat(store.data(id).moments().get(new SeriesKey("latency", "A")).n())
                .isZero();
        assertThat(store.values(id, new SeriesKey("latency", "A"), 10)).isEmpty();
        IngestOutcome retry = service().ingest(id, Experiments.balanced(spec, "latency", 1, 2), "k1");
        assertThat(retry).isInstanceOf(IngestOutcome.Accepted.class);
    }

    @Test
    void should_count_a_retried_batch_once_and_refuse_a_reused_key() {
        ExperimentSpec spec = Experiments.latency("idempotent");
        String id = started(spec);
        ObservationBatch batch = Experiments.balanced(spec, "latency", 5, 6, 7);

        IngestOutcome first = service().ingest(id, batch, "key-1");
        IngestOutcome second = service().ingest(id, batch, "key-1");
        service().stop(id, "alice", "done", null);
        IngestOutcome afterStop = service().ingest(id, batch, "key-1");

        assertThat(first).isInstanceOf(IngestOutcome.Accepted.class);
        assertThat(second).isEqualTo(new IngestOutcome.Replayed(6));
        assertThat(afterStop).isEqualTo(new IngestOutcome.Replayed(6));
        assertThat(store.data(id).moments().get(new SeriesKey("latency", "B")).n())
                .isEqualTo(3);
        assertThatThrownBy(() -> service().ingest(id, Experiments.balanced(spec, "latency", 9), "key-1"))
                .isInstanceOfSatisfying(
                        ExperimentConflictException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExperimentConflictException.Kind.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void should_keep_the_running_minimum_of_the_sequential_p_value() {
        ExperimentSpec spec = Experiments.latency("minimum");
        String id = started(spec);
        ObservationBatch.Builder shifted = ObservationBatch.builder(spec);
        Random random = new Random(11);
        for (int i = 0; i < 60; i++) {
            shifted.add("A", "latency", 100 + random.nextGaussian() * 10)
                    .add("B", "latency", 104 + random.nextGaussian() * 10);
        }
        service().ingest(id, shifted.build(), null);
        double afterShift = store.data(id).sequentialMinima().get(new SeriesKey("latency", "B"));

        double[] same = new double[300];
        Arrays.fill(same, 100);
        for (int i = 0; i < same.length; i++) {
            same[i] += random.nextGaussian() * 10;
        }
        service().ingest(id, Experiments.balanced(spec, "latency", same), null);

        Analysis analysis = service().analysis(id);
        Double reported =
                analysis.metrics().get(0).comparisons().get(0).sequential().pValue();
        assertThat(store.data(id).sequentialMinima().get(new SeriesKey("latency", "B")))
                .isEqualTo(afterShift);
        assertThat(reported).isEqualTo(afterShift);

        List<SequentialPoint> history = service().sequentialHistory(id);
        assertThat(history).hasSize(2);
        assertThat(history).extracting(SequentialPoint::observations).containsExactly(120L, 720L);
        assertThat(history.get(0).pValue()).isEqualTo(afterShift);
        assertThat(history.get(1).pValue()).as("an always-valid p never rises").isEqualTo(afterShift);
    }

    @Test
    void should_roll_back_automatically_when_a_guardrail_regresses() {
        ExperimentSpec spec = Experiments.example("guardrail");
        String id = started(spec);
        Random random = new Random(5);

        IngestOutcome outcome = service().ingest(id, calls(spec, random, 800, 0.0, 0.07), "batch-1");

        assertThat(outcome).isInstanceOfSatisfying(IngestOutcome.Accepted.class, accepted -> {
            assertThat(accepted.decision().action()).isEqualTo(Action.ROLLBACK);
            assertThat(accepted.decision().reasons()).containsExactly("GUARDRAIL:error:B");
            assertThat(accepted.status()).isEqualTo(ExperimentStatus.STOPPED);
        });
        Experiment stopped = service().get(id);
        assertThat(stopped.stop().outcome()).isEqualTo(StopRecord.Outcome.ROLLED_BACK);
        assertThat(stopped.stop().winner()).isEqualTo("A");
        assertThat(stopped.stop().by()).isEqualTo(StopRecord.AUTO);
        AuditEvent audit = service().history(id).get(2);
        assertThat(audit.type()).isEqualTo("auto_stopped");
        assertThat(audit.details())
                .containsEntry("action", "rollback")
                .containsEntry("reasons", List.of("GUARDRAIL:error:B"));
        assertThatThrownBy(() -> service().ingest(id, calls(spec, random, 10, 0, 0), null))
                .isInstanceOf(ExperimentConflictException.class);
    }

    @Test
    void should_halt_on_a_sample_ratio_mismatch() {
        ExperimentSpec spec = Experiments.latency("srm");
        String id = started(spec);
        ObservationBatch.Builder builder = ObservationBatch.builder(spec);
        for (int i = 0; i < 1000; i++) {
            builder.add("A", "latency", i % 7);
            if (i < 800) {
                builder.add("B", "latency", i % 7);
            }
        }

        IngestOutcome outcome = service().ingest(id, builder.build(), null);

        assertThat(((IngestOutcome.Accepted) outcome).decision().action()).isEqualTo(Action.HALT);
        assertThat(service().get(id).stop().outcome()).isEqualTo(StopRecord.Outcome.HALTED);
    }

    @Test
    void should_propose_a_promotion_without_auto_promote_and_execute_it_with() {
        String proposed = started(Experiments.example("proposal"));
        String automatic = started(Experiments.example("automatic", true));

        service().ingest(proposed, calls(Experiments.example("proposal"), new Random(9), 3000, 0.02, 0), null);
        service().ingest(automatic, calls(Experiments.example("automatic", true), new Random(9), 3000, 0.02, 0), null);

        Experiment kept = service().get(proposed);
        assertThat(kept.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(kept.proposal().action()).isEqualTo(Action.PROMOTE);
        assertThat(kept.proposal().winner()).isEqualTo("B");
        assertThat(service().history(proposed)).extracting(AuditEvent::type).contains("promotion_proposed");
        Experiment promoted = service().get(automatic);
        assertThat(promoted.stop().outcome()).isEqualTo(StopRecord.Outcome.PROMOTED);
        assertThat(promoted.stop().winner()).isEqualTo("B");
    }

    @Test
    void should_see_changes_made_through_another_store_on_the_same_database() {
        Database database = freshDatabase();
        ExperimentService first = Experiments.service(new ExperimentStore(database, Experiments.CLOCK));
        ExperimentService second = Experiments.service(new ExperimentStore(database, Experiments.CLOCK));
        ExperimentSpec spec = Experiments.latency("two-stores");
        String id = first.create(spec, "alice").id();
        first.start(id, "alice");
        first.ingest(id, Experiments.balanced(spec, "latency", 1, 2, 3), null);

        second.changeWeights(id, Map.of("A", 90.0, "B", 10.0), "bob");
        ObservationBatch.Builder halting = ObservationBatch.builder(spec);
        for (int i = 0; i < 600; i++) {
            halting.add("A", "latency", i % 5).add("B", "latency", i % 5);
        }
        IngestOutcome outcome = first.ingest(id, halting.build(), null);

        // 50/50 data against 90/10 weights: a mismatch, judged with the weights the other store set
        assertThat(((IngestOutcome.Accepted) outcome).decision().action()).isEqualTo(Action.HALT);
        Experiment stopped = second.get(id);
        assertThat(stopped.status()).isEqualTo(ExperimentStatus.STOPPED);
        assertThat(stopped.spec().variant("A").orElseThrow().weight()).isEqualTo(90.0);
    }

    @Test
    void should_count_each_unit_once_and_keep_units_when_weights_change() {
        ExperimentSpec spec = Experiments.latency("assign");
        String id = started(spec);
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            before.add(service().assign(id, "unit-" + i).variant());
        }
        assertThat(service().assign(id, "unit-0").firstExposure()).isFalse();

        service().changeWeights(id, Map.of("A", 90.0, "B", 10.0), "alice");
        int moved = 0;
        for (int i = 0; i < 300; i++) {
            String now = service().assign(id, "unit-" + i).variant();
            if (!now.equals(before.get(i))) {
                moved++;
                assertThat(before.get(i)).isEqualTo("B");
            }
        }

        Map<String, Long> exposures = store.exposures(id);
        assertThat(exposures.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(300);
        assertThat(exposures.get("A")).isGreaterThan(240);
        assertThat(moved).isBetween(80, 160); // 40 % of the units move, all from B to A
        assertThat(store.data(id).epochs()).hasSize(2);
        assertThat(service().get(id).allocation().size("A")).isEqualTo(Allocation.BUCKETS * 9 / 10);
    }

    @Test
    void should_store_every_acknowledged_batch_under_concurrent_writers() throws Exception {
        ExperimentSpec spec = Experiments.latency("concurrent");
        String id = started(spec);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            writers.add(() -> {
                int acknowledged = 0;
                for (int b = 0; b < 10; b++) {
                    IngestOutcome outcome = service().ingest(id, Experiments.balanced(spec, "latency", 1, 2, 3), null);
                    acknowledged += outcome.accepted();
                }
                return acknowledged;
            });
        }
        long acknowledged = 0;
        for (Future<Integer> result : pool.invokeAll(writers)) {
            acknowledged += result.get();
        }
        pool.shutdown();

        ExperimentData data = store.data(id);
        long stored = data.moments().values().stream().mapToLong(Moments::n).sum();
        assertThat(stored).isEqualTo(acknowledged).isEqualTo(8 * 10 * 6);
        assertThat(store.values(id, new SeriesKey("latency", "A"), Long.MAX_VALUE))
                .hasSize(240);
    }

    private String started(ExperimentSpec spec) {
        String id = service().create(spec, "alice").id();
        service().start(id, "alice");
        return id;
    }

    /** Calls per variant of the example: success 0.9 (+ uplift for B), log-normal latency, errors for B. */
    static ObservationBatch calls(ExperimentSpec spec, Random random, int perVariant, double uplift, double errorsB) {
        ObservationBatch.Builder builder = ObservationBatch.builder(spec);
        for (int i = 0; i < perVariant; i++) {
            for (String variant : List.of("A", "B")) {
                boolean b = variant.equals("B");
                builder.add(variant, "success", random.nextDouble() < 0.9 + (b ? uplift : 0) ? 1 : 0);
                builder.add(variant, "response_time", Math.exp(5 + 0.3 * random.nextGaussian()));
                builder.add(variant, "error", b && random.nextDouble() < errorsB ? 1 : 0);
            }
        }
        return builder.build();
    }
}
