package dev.mcpver.abtest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The A/B application service every door calls: experiments and their life cycle, assignment, ingestion with the
 * automatic stop, analysis and recommendations. Thread-safe; state lives in the {@link ExperimentRepository}.
 *
 * <pre>{@code
 * ExperimentService service = new ExperimentService(repository, clock, random, ids, OutcomeListener.none(),
 *         new TemplateNarrativeWriter(), RecommendationRecorder.none());
 * Experiment e = service.create(spec, "alice");
 * service.start(e.id(), "alice");
 * service.ingest(e.id(), batch, "retry-key-1");   // may stop the experiment (rollback / halt)
 * Analysis analysis = service.analysis(e.id());
 * }</pre>
 */
public final class ExperimentService {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentService.class);
    /** Drafts asked of a model before the template takes over. */
    static final int MAX_DRAFTS = 2;

    private final ExperimentRepository repository;
    private final Clock clock;
    private final RandomGenerator random;
    private final Supplier<String> ids;
    private final OutcomeListener outcomes;
    private final NarrativeWriter narrator;
    private final RecommendationRecorder recorder;
    private final TemplateNarrativeWriter template = new TemplateNarrativeWriter();
    private final Map<String, ExperimentSpec> definitions = new java.util.concurrent.ConcurrentHashMap<>();

    public ExperimentService(
            ExperimentRepository repository,
            Clock clock,
            RandomGenerator random,
            Supplier<String> ids,
            OutcomeListener outcomes,
            NarrativeWriter narrator,
            RecommendationRecorder recorder) {
        this.repository = repository;
        this.clock = clock;
        this.random = random;
        this.ids = ids;
        this.outcomes = outcomes;
        this.narrator = narrator;
        this.recorder = recorder;
    }

    // ------------------------------------------------------------------ life cycle

    /** Creates a draft experiment with a fresh salt and an allocation following the weights. */
    public Experiment create(ExperimentSpec spec, String actor) {
        Instant now = clock.instant();
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Experiment experiment = new Experiment(
                ids.get(),
                spec,
                ExperimentStatus.DRAFT,
                HexFormat.of().formatHex(salt),
                Allocation.initial(spec.variants()),
                actor,
                now,
                null,
                null,
                null);
        Map<String, Long> zero = new LinkedHashMap<>();
        spec.variants().forEach(v -> zero.put(v.key(), 0L));
        WeightEpoch weights = new WeightEpoch(0, weightsOf(spec), zero, now);
        repository.insert(experiment, weights, event("created", actor, Map.of("name", spec.name())));
        log("EXPERIMENT_CREATE", experiment);
        return experiment;
    }

    public List<Experiment> list(@Nullable ExperimentStatus status) {
        return repository.list().stream()
                .filter(e -> status == null || e.status() == status)
                .toList();
    }

    public Experiment get(String id) {
        return repository.find(id).orElseThrow(() -> new ExperimentNotFoundException(id));
    }

    public ExperimentSummary summary(String id) {
        Experiment experiment = get(id);
        ExperimentData data = repository.data(id);
        return new ExperimentSummary(experiment, repository.exposures(id), data.srmCounts(experiment.spec()));
    }

    public Experiment start(String id, String actor) {
        return transition(id, ExperimentStatus.RUNNING, actor, "started");
    }

    public Experiment pause(String id, String actor) {
        return transition(id, ExperimentStatus.PAUSED, actor, "paused");
    }

    /**
     * Stops the experiment by hand. With {@code winner} the operator picks where traffic goes now (e.g. executing
     * a promotion proposal); without it the experiment just ends.
     */
    public Experiment stop(String id, String actor, String reason, @Nullable String winner) {
        Experiment stopped = repository.update(id, (current, data) -> {
            requireTransition(current, ExperimentStatus.STOPPED);
            if (winner != null && current.spec().variant(winner).isEmpty()) {
                throw new InvalidExperimentException("winner", "\"" + winner + "\" is not a variant of " + id);
            }
            StopRecord.Outcome outcome =
                    winner == null || winner.equals(current.spec().control())
                            ? StopRecord.Outcome.MANUAL
                            : StopRecord.Outcome.PROMOTED;
            StopRecord record = new StopRecord(outcome, winner, reason, actor, clock.instant());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", reason);
            details.put("winner", winner == null ? "" : winner);
            return ExperimentRepository.Change.of(current.stopped(record), event("stopped", actor, details));
        });
        log("EXPERIMENT_STOP", stopped);
        Decision verdict = winner == null || winner.equals(stopped.spec().control())
                ? Decision.of(Action.ROLLBACK, stopped.spec().control(), "MANUAL_STOP")
                : Decision.of(Action.PROMOTE, winner, "MANUAL_PROMOTE:" + winner);
        notifyStopped(stopped, verdict);
        return stopped;
    }

    /**
     * Re-splits traffic. Keeps units where they are as far as possible (see {@link Allocation#rebalance}) and opens
     * a new weight period, so the SRM check expects the mixture of the old and new splits.
     */
    public Experiment changeWeights(String id, Map<String, Double> weights, String actor) {
        return repository.update(id, (current, data) -> {
            if (current.status() == ExperimentStatus.STOPPED) {
                throw new ExperimentConflictException(
                        ExperimentConflictException.Kind.INVALID_TRANSITION,
                        "experiment " + id + " is stopped; its weights cannot change",
                        current.status());
            }
            ExperimentSpec spec = current.spec().withVariants(reweighted(current.spec(), weights));
            Instant now = clock.instant();
            WeightEpoch epoch =
                    new WeightEpoch(data.epochs().size(), weightsOf(spec), data.srmCounts(current.spec()), now);
            Map<String, Object> details = new LinkedHashMap<>();
            weightsOf(spec).forEach(details::put);
            return new ExperimentRepository.Change(
                    current.withWeights(spec, current.allocation().rebalance(spec.variants())),
                    List.of(event("weights_changed", actor, details)),
                    epoch);
        });
    }

    /** How the sequential p-values evolved, batch by batch. */
    public List<SequentialPoint> sequentialHistory(String id) {
        get(id);
        return repository.sequentialHistory(id);
    }

    /** The audit trail of an experiment, oldest first. */
    public List<AuditEvent> history(String id) {
        get(id);
        return repository.events(id);
    }

    // ------------------------------------------------------------------ assignment and ingestion

    /** The variant of a unit: deterministic, sticky, counted once per unit. Only while running. */
    public Assignment assign(String id, String unit) {
        if (unit.isBlank() || unit.length() > 256) {
            throw new InvalidExperimentException("unit", "must be a non-blank id of at most 256 characters");
        }
        ExperimentRepository.Exposure exposure =
                repository.expose(id, unit, clock.instant(), experiment -> chooseVariant(experiment, unit));
        Experiment experiment = exposure.experiment();
        String version =
                experiment.spec().variant(exposure.variant()).orElseThrow().version();
        return new Assignment(
                id, unit, exposure.variant(), version, Allocation.bucket(experiment.salt(), unit), exposure.first());
    }

    private static String chooseVariant(Experiment experiment, String unit) {
        if (experiment.status() != ExperimentStatus.RUNNING) {
            throw new ExperimentConflictException(
                    ExperimentConflictException.Kind.NOT_RUNNING,
                    "experiment " + experiment.id() + " is "
                            + experiment.status().wireName() + "; route to the control "
                            + experiment.spec().control(),
                    experiment.status());
        }
        return experiment.allocation().variantAt(Allocation.bucket(experiment.salt(), unit));
    }

    /**
     * A batch builder that validates against the experiment's variants and metrics. Variant keys and metrics never
     * change after creation, so the definition is cached per experiment (ingestion skips a database read).
     */
    public ObservationBatch.Builder batchFor(String id) {
        ExperimentSpec spec = definitions.get(id);
        if (spec == null) {
            spec = get(id).spec();
            definitions.put(id, spec);
        }
        return ObservationBatch.builder(spec);
    }

    /**
     * Stores a batch (all or nothing) and, in the same transaction, evaluates the decision on the merged data:
     * rollback and halt stop the experiment; promote stops it only with auto-promote, else it is proposed.
     */
    public IngestOutcome ingest(String id, ObservationBatch batch, @Nullable String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw new InvalidExperimentException("Idempotency-Key", "must be 1 to 255 characters");
        }
        IngestOutcome outcome = repository.ingest(id, batch, idempotencyKey, this::afterBatch);
        if (outcome instanceof IngestOutcome.Accepted accepted && accepted.stop() != null) {
            Experiment stopped = get(id);
            LOG.atWarn()
                    .addKeyValue("operation", "EXPERIMENT_AUTO_STOP")
                    .addKeyValue("experimentId", id)
                    .addKeyValue("action", accepted.decision().action().wireName())
                    .addKeyValue("reasons", String.join(",", accepted.decision().reasons()))
                    .log(
                            "experiment {} stopped automatically: {}",
                            id,
                            accepted.decision().action().wireName());
            notifyStopped(stopped, accepted.decision());
        }
        return outcome;
    }

    /** The batch policy: decision on aggregates only (no raw values), so it costs O(variants × metrics). */
    ExperimentRepository.Effects afterBatch(Experiment experiment, ExperimentData data) {
        Analysis analysis = Analyzer.analyze(data.input(experiment), null);
        Decision decision = analysis.decision();
        return new ExperimentRepository.Effects(
                Analyzer.sequentialMinima(analysis),
                decision,
                autoStop(experiment, decision).orElse(null));
    }

    private Optional<ExperimentRepository.Change> autoStop(Experiment experiment, Decision decision) {
        Instant now = clock.instant();
        Map<String, Object> details = AuditEvent.decisionDetails(decision);
        String reasons = String.join(", ", decision.reasons());
        if (decision.action().stopsAutomatically()) {
            StopRecord.Outcome outcome =
                    decision.action() == Action.HALT ? StopRecord.Outcome.HALTED : StopRecord.Outcome.ROLLED_BACK;
            StopRecord record = new StopRecord(outcome, decision.winner(), reasons, StopRecord.AUTO, now);
            return Optional.of(ExperimentRepository.Change.of(
                    experiment.stopped(record), new AuditEvent("auto_stopped", StopRecord.AUTO, now, details)));
        }
        if (decision.action() != Action.PROMOTE) {
            return Optional.empty();
        }
        if (experiment.spec().autoPromote()) {
            StopRecord record =
                    new StopRecord(StopRecord.Outcome.PROMOTED, decision.winner(), reasons, StopRecord.AUTO, now);
            return Optional.of(ExperimentRepository.Change.of(
                    experiment.stopped(record), new AuditEvent("promoted", StopRecord.AUTO, now, details)));
        }
        if (decision.equals(experiment.proposal())) {
            return Optional.empty();
        }
        return Optional.of(ExperimentRepository.Change.of(
                experiment.withProposal(decision),
                new AuditEvent("promotion_proposed", StopRecord.AUTO, now, details)));
    }

    // ------------------------------------------------------------------ analysis and recommendations

    /**
     * The full analysis. The rank test needs the raw values of every continuous series: they are read (up to the
     * snapshot's counts) and sorted in parallel before the analysis runs.
     */
    public Analysis analysis(String id) {
        Experiment experiment = get(id);
        ExperimentData data = repository.data(id);
        Map<SeriesKey, double[]> values = sortedValues(experiment, data);
        return Analyzer.analyze(data.input(experiment), series -> values.getOrDefault(series, new double[0]));
    }

    private Map<SeriesKey, double[]> sortedValues(Experiment experiment, ExperimentData data) {
        List<SeriesKey> series = new ArrayList<>();
        for (MetricSpec metric : experiment.spec().metrics()) {
            if (metric.kind() == MetricKind.CONTINUOUS) {
                experiment.spec().variants().forEach(v -> series.add(new SeriesKey(metric.name(), v.key())));
            }
        }
        Map<SeriesKey, double[]> values = new java.util.concurrent.ConcurrentHashMap<>();
        series.parallelStream().forEach(key -> {
            long count = data.moments().getOrDefault(key, Moments.EMPTY).n();
            double[] raw = count == 0 ? new double[0] : repository.values(experiment.id(), key, count);
            java.util.Arrays.sort(raw);
            values.put(key, raw);
        });
        return values;
    }

    /** The offline template's narrative of the current analysis: deterministic, the agent's offline answer. */
    public NarrativeWriter.NarrativeDraft templateNarrative(String id) {
        return template.write(new NarrativeWriter.Request(get(id), analysis(id), 1, null));
    }

    /**
     * A narrative for the analysis. The configured writer drafts; a draft that contradicts the decision is
     * rejected and regenerated once with the reason as feedback, then replaced by the template's narrative.
     */
    public Recommendation recommend(String id) {
        Experiment experiment = get(id);
        Analysis analysis = analysis(id);
        Recommendation recommendation = draft(experiment, analysis);
        recorder.record(experiment, analysis, recommendation);
        return recommendation;
    }

    private Recommendation draft(Experiment experiment, Analysis analysis) {
        Decision decision = analysis.decision();
        List<String> rejections = new ArrayList<>();
        String feedback = null;
        for (int attempt = 1; attempt <= MAX_DRAFTS; attempt++) {
            Optional<NarrativeWriter.NarrativeDraft> draft =
                    safeDraft(new NarrativeWriter.Request(experiment, analysis, attempt, feedback), rejections);
            if (draft.isEmpty()) {
                break;
            }
            Optional<String> contradiction = NarrativeCheck.contradiction(decision, draft.get());
            if (contradiction.isEmpty()) {
                Recommendation.Resolution resolution =
                        attempt == 1 ? Recommendation.Resolution.ACCEPTED : Recommendation.Resolution.REGENERATED;
                return new Recommendation(
                        experiment.id(),
                        decision,
                        draft.get().text(),
                        draft.get().writer(),
                        resolution,
                        attempt,
                        rejections,
                        draft.get().runId());
            }
            feedback = contradiction.get();
            rejections.add(feedback);
        }
        NarrativeWriter.NarrativeDraft fallback =
                template.write(new NarrativeWriter.Request(experiment, analysis, 1, null));
        return new Recommendation(
                experiment.id(),
                decision,
                fallback.text(),
                fallback.writer(),
                Recommendation.Resolution.REPLACED_BY_TEMPLATE,
                rejections.size(),
                rejections,
                null);
    }

    private Optional<NarrativeWriter.NarrativeDraft> safeDraft(
            NarrativeWriter.Request request, List<String> rejections) {
        try {
            return Optional.of(narrator.write(request));
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("operation", "AB_RECOMMENDATION_WRITER_FAILED")
                    .addKeyValue("experimentId", request.experiment().id())
                    .setCause(e)
                    .log("narrative writer failed; using the template");
            rejections.add("the writer failed: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ helpers

    private Experiment transition(String id, ExperimentStatus next, String actor, String type) {
        Experiment updated = repository.update(id, (current, data) -> {
            requireTransition(current, next);
            return ExperimentRepository.Change.of(
                    current.withStatus(next, clock.instant()),
                    event(type, actor, Map.of("from", current.status().wireName())));
        });
        log("EXPERIMENT_" + type.toUpperCase(java.util.Locale.ROOT), updated);
        return updated;
    }

    private static void requireTransition(Experiment current, ExperimentStatus next) {
        if (!current.status().mayMoveTo(next)) {
            throw new ExperimentConflictException(
                    ExperimentConflictException.Kind.INVALID_TRANSITION,
                    "experiment " + current.id() + " is " + current.status().wireName() + " and cannot become "
                            + next.wireName(),
                    current.status());
        }
    }

    private static List<VariantSpec> reweighted(ExperimentSpec spec, Map<String, Double> weights) {
        for (String key : weights.keySet()) {
            if (spec.variant(key).isEmpty()) {
                throw new InvalidExperimentException("weights/" + key, "unknown variant \"" + key + "\"");
            }
        }
        List<VariantSpec> variants = new ArrayList<>();
        for (int i = 0; i < spec.variants().size(); i++) {
            VariantSpec variant = spec.variants().get(i);
            Double weight = weights.get(variant.key());
            if (weight != null && (!(weight > 0) || weight.isInfinite())) {
                throw new InvalidExperimentException(
                        "weights/" + variant.key(), "must be a finite number greater than 0, got " + weight);
            }
            variants.add(weight == null ? variant : variant.withWeight(weight));
        }
        return variants;
    }

    private static Map<String, Double> weightsOf(ExperimentSpec spec) {
        Map<String, Double> weights = new LinkedHashMap<>();
        spec.variants().forEach(v -> weights.put(v.key(), v.weight()));
        return weights;
    }

    private AuditEvent event(String type, String actor, Map<String, Object> details) {
        return new AuditEvent(type, actor, clock.instant(), details);
    }

    private void notifyStopped(Experiment experiment, Decision decision) {
        try {
            outcomes.onStopped(experiment, decision);
        } catch (RuntimeException e) {
            LOG.atError()
                    .addKeyValue("operation", "EXPERIMENT_OUTCOME_LISTENER_FAILED")
                    .addKeyValue("experimentId", experiment.id())
                    .setCause(e)
                    .log("outcome listener failed for experiment {}", experiment.id());
        }
    }

    private static void log(String operation, Experiment experiment) {
        LOG.atInfo()
                .addKeyValue("operation", operation)
                .addKeyValue("experimentId", experiment.id())
                .addKeyValue("status", experiment.status().wireName())
                .log(
                        "experiment {} ({}) is {}",
                        experiment.spec().name(),
                        experiment.id(),
                        experiment.status().wireName());
    }
}
