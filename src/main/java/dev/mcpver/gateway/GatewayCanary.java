package dev.mcpver.gateway;

import dev.mcpver.abtest.Action;
import dev.mcpver.abtest.Analysis;
import dev.mcpver.abtest.Decision;
import dev.mcpver.abtest.Direction;
import dev.mcpver.abtest.Experiment;
import dev.mcpver.abtest.ExperimentConflictException;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.abtest.ExperimentSpec;
import dev.mcpver.abtest.ExperimentStatus;
import dev.mcpver.abtest.MetricKind;
import dev.mcpver.abtest.MetricRole;
import dev.mcpver.abtest.MetricSpec;
import dev.mcpver.abtest.SequentialSpec;
import dev.mcpver.abtest.StopRecord;
import dev.mcpver.abtest.VariantSpec;
import dev.mcpver.migrate.CanaryController;
import dev.mcpver.migrate.CanaryDecision;
import dev.mcpver.rollback.DeploymentId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The canary port of automated updates, for real: {@link #start} creates and starts an experiment between the old
 * version ({@code stable}, the control) and the new one ({@code canary}) on the deployment, so the gateway splits its
 * traffic and measures it. {@link #decision} ramps the canary's share through the configured steps (e.g. 5 → 25 →
 * 50 %) after each positive analysis — every arm has {@code minSamples} new observations since the last step, no
 * guardrail tripped, no sample-ratio mismatch — and answers promote after the last step; a guardrail breach (the
 * experiment's automatic rollback or halt) answers rollback. An operator's verdict recorded through the manual port
 * ({@code POST /api/v1/updates/{id}/canary-decision}) still takes precedence. Thread-safe.
 */
public final class GatewayCanary implements CanaryController {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayCanary.class);
    static final String NAME_PREFIX = "canary-";
    static final String STABLE = "stable";
    static final String CANARY = "canary";

    /** The operator's side: the manual stand-in, whose verdict rows stay the way to decide by hand. */
    public interface ManualVerdicts {
        void start(String updateId, DeploymentId deployment, String fromVersion, String toVersion, int percent);

        CanaryDecision decision(String updateId);
    }

    private final ExperimentService experiments;
    private final ManualVerdicts manual;
    private final Runnable routesChanged;
    private final List<Integer> steps;
    private final int minSamples;
    private final Duration analysisInterval;
    private final Clock clock;
    private final Map<String, Map<String, Long>> countsAtStep = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastAnalysis = new ConcurrentHashMap<>();
    private final Map<String, CanaryDecision.Verdict> verdicts = new ConcurrentHashMap<>();

    /**
     * @param routesChanged told after the split changed (the gateway re-reads its routes)
     * @param steps the canary's share in percent, rising; the update's own starting share replaces the first
     * @param minSamples new observations every arm needs before the next step (and the experiment's minimum)
     * @param analysisInterval least time between two analyses of one canary (the update scheduler polls often)
     */
    @SuppressWarnings("TooManyParameters") // the canary's collaborators and policy
    public GatewayCanary(
            ExperimentService experiments,
            ManualVerdicts manual,
            Runnable routesChanged,
            List<Integer> steps,
            int minSamples,
            Duration analysisInterval,
            Clock clock) {
        this.experiments = experiments;
        this.manual = manual;
        this.routesChanged = routesChanged;
        this.steps = List.copyOf(steps);
        this.minSamples = minSamples;
        this.analysisInterval = analysisInterval;
        this.clock = clock;
    }

    @Override
    public String start(
            String updateId, DeploymentId deployment, String fromVersion, String toVersion, int trafficPercent) {
        manual.start(updateId, deployment, fromVersion, toVersion, trafficPercent);
        ExperimentSpec spec = spec(updateId, deployment, fromVersion, toVersion, trafficPercent);
        String actor = "update:" + updateId;
        Experiment created = experiments.create(spec, actor);
        experiments.start(created.id(), actor);
        countsAtStep.put(created.id(), Map.of());
        routesChanged.run();
        LOG.atInfo()
                .addKeyValue("operation", "CANARY_START")
                .addKeyValue("experimentId", created.id())
                .addKeyValue("percent", trafficPercent)
                .log("canary of {} {} -> {} at {} %", deployment, fromVersion, toVersion, trafficPercent);
        return created.id();
    }

    /** Stable (control) against canary; success is primary, error and latency (> 25 % slower) are guardrails. */
    private ExperimentSpec spec(String updateId, DeploymentId deployment, String from, String to, int percent) {
        return new ExperimentSpec(
                NAME_PREFIX + updateId,
                deployment.toString(),
                List.of(new VariantSpec(STABLE, from, 100 - percent), new VariantSpec(CANARY, to, percent)),
                STABLE,
                List.of(
                        new MetricSpec("success", MetricKind.BINARY, Direction.HIGHER_IS_BETTER, MetricRole.PRIMARY, 0),
                        new MetricSpec("error", MetricKind.BINARY, Direction.LOWER_IS_BETTER, MetricRole.GUARDRAIL, 0),
                        new MetricSpec(
                                "response_time",
                                MetricKind.CONTINUOUS,
                                Direction.LOWER_IS_BETTER,
                                MetricRole.GUARDRAIL,
                                0.25)),
                ExperimentSpec.DEFAULT_ALPHA,
                ExperimentSpec.DEFAULT_SRM_ALPHA,
                minSamples,
                SequentialSpec.defaults(),
                false);
    }

    @Override
    public CanaryDecision decision(String experimentId) {
        Experiment experiment = experiments.get(experimentId);
        String updateId = experiment.spec().name().substring(NAME_PREFIX.length());
        CanaryDecision byOperator = manual.decision(updateId);
        if (byOperator.verdict() != CanaryDecision.Verdict.PENDING) {
            return remember(experimentId, byOperator);
        }
        StopRecord stop = experiment.stop();
        if (stop != null) {
            return remember(experimentId, verdictOf(experiment, stop));
        }
        if (experiment.status() != ExperimentStatus.RUNNING || !dueForAnalysis(experimentId)) {
            return CanaryDecision.pending();
        }
        return remember(experimentId, analyse(experiment));
    }

    private CanaryDecision analyse(Experiment experiment) {
        Analysis analysis = experiments.analysis(experiment.id());
        Decision decision = analysis.decision();
        String reasons = String.join(", ", decision.reasons());
        if (decision.action() == Action.ROLLBACK || decision.action() == Action.HALT) {
            return new CanaryDecision(
                    CanaryDecision.Verdict.ROLLBACK, decision.action().wireName() + ": " + reasons);
        }
        Map<String, Long> counts = analysis.srm().counts();
        Map<String, Long> base = countsAtStep.computeIfAbsent(experiment.id(), k -> Map.copyOf(counts));
        boolean enough = counts.entrySet().stream()
                .allMatch(e -> e.getValue() - base.getOrDefault(e.getKey(), 0L) >= minSamples);
        if (!enough) {
            return CanaryDecision.pending();
        }
        Optional<Integer> next = nextStep(experiment);
        if (next.isEmpty()) {
            return new CanaryDecision(CanaryDecision.Verdict.PROMOTE, "ramp complete: " + reasons);
        }
        ramp(experiment, next.get(), counts);
        return CanaryDecision.pending();
    }

    /** Moves the canary's share to the next step; the counts now are the new step's baseline. */
    private void ramp(Experiment experiment, int percent, Map<String, Long> counts) {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put(STABLE, 100.0 - percent);
        weights.put(CANARY, (double) percent);
        experiments.changeWeights(experiment.id(), weights, "canary");
        countsAtStep.put(experiment.id(), Map.copyOf(counts));
        routesChanged.run();
        LOG.atInfo()
                .addKeyValue("operation", "CANARY_RAMP")
                .addKeyValue("experimentId", experiment.id())
                .addKeyValue("percent", percent)
                .log("canary {} ramps to {} %", experiment.id(), percent);
    }

    /** The first configured step above the canary's current share. */
    private Optional<Integer> nextStep(Experiment experiment) {
        double total = experiment.spec().variants().stream()
                .mapToDouble(VariantSpec::weight)
                .sum();
        double share = experiment.spec().variant(CANARY).orElseThrow().weight() * 100 / total;
        return steps.stream().filter(step -> step > share + 1e-9).findFirst();
    }

    private boolean dueForAnalysis(String experimentId) {
        Instant now = clock.instant();
        Instant last = lastAnalysis.get(experimentId);
        if (last != null && last.plus(analysisInterval).isAfter(now)) {
            return false;
        }
        lastAnalysis.put(experimentId, now);
        return true;
    }

    private static CanaryDecision verdictOf(Experiment experiment, StopRecord stop) {
        boolean promoted = stop.outcome() == StopRecord.Outcome.PROMOTED
                && !experiment.spec().control().equals(stop.winner());
        return new CanaryDecision(
                promoted ? CanaryDecision.Verdict.PROMOTE : CanaryDecision.Verdict.ROLLBACK,
                stop.outcome().wireName() + ": " + stop.reason());
    }

    private CanaryDecision remember(String experimentId, CanaryDecision decision) {
        if (decision.verdict() != CanaryDecision.Verdict.PENDING) {
            verdicts.put(experimentId, decision.verdict());
        }
        return decision;
    }

    /**
     * Ends the experiment: a promoted canary stops with the canary as winner (new sessions go to it until the
     * migration makes it the active version), anything else stops towards the stable version.
     */
    @Override
    public void stop(String experimentId) {
        boolean promoted = verdicts.remove(experimentId) == CanaryDecision.Verdict.PROMOTE;
        countsAtStep.remove(experimentId);
        lastAnalysis.remove(experimentId);
        try {
            if (experiments.get(experimentId).status() != ExperimentStatus.STOPPED) {
                experiments.stop(
                        experimentId,
                        "update",
                        promoted ? "canary promoted" : "canary ended",
                        promoted ? CANARY : null);
            }
        } catch (ExperimentConflictException e) {
            // stopped meanwhile (automatic rollback): nothing left to do
        }
        routesChanged.run();
    }
}
