package dev.mcpver.gateway;

import dev.mcpver.abtest.Experiment;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.abtest.StopRecord;
import dev.mcpver.abtest.VariantSpec;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentService;
import dev.mcpver.rollback.SwitchRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What routing needs of each deployment — its active version and latest experiment (matched by the experiment's
 * {@code mcpId} = {@code server/environment}) — cached for a short time so that a tool call costs no database read.
 * Decisions made in this process invalidate the cache at once; those made elsewhere are seen within about
 * {@code ttl}: a stale view still serves while a background read refreshes it.
 */
public final class RoutingViews {
    private record Cached(RoutePolicy.DeploymentView view, Instant at) {}

    private final DeploymentService deployments;
    private final ExperimentService experiments;
    private final Clock clock;
    private final Duration ttl;
    private final java.util.concurrent.Executor refresher;
    private final Map<DeploymentId, Cached> cache = new ConcurrentHashMap<>();
    private final java.util.Set<DeploymentId> refreshing = ConcurrentHashMap.newKeySet();

    /** @param refresher runs the background reads of stale views (one thread is plenty) */
    public RoutingViews(
            DeploymentService deployments,
            ExperimentService experiments,
            Clock clock,
            Duration ttl,
            java.util.concurrent.Executor refresher) {
        this.refresher = refresher;
        this.deployments = deployments;
        this.experiments = experiments;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * The deployment's view.
     *
     * @throws GatewayException when the deployment does not exist or serves no version
     */
    public RoutePolicy.DeploymentView view(DeploymentId id) {
        Cached cached = cache.get(id);
        Instant now = clock.instant();
        if (cached == null) {
            return reload(id);
        }
        if (!cached.at().plus(ttl).isAfter(now) && refreshing.add(id)) {
            // stale: this request is served from the cache, a background read refreshes it (no read on the call path)
            CompletableFuture.runAsync(
                    () -> {
                        try {
                            reload(id);
                        } catch (RuntimeException e) {
                            cache.remove(id);
                        } finally {
                            refreshing.remove(id);
                        }
                    },
                    refresher);
        }
        return cached.view();
    }

    private RoutePolicy.DeploymentView reload(DeploymentId id) {
        Instant at = clock.instant();
        RoutePolicy.DeploymentView view = load(id);
        cache.put(id, new Cached(view, at));
        return view;
    }

    /** Forgets every cached view (after a decision, a weight change or a switch): the next request reads anew. */
    public void invalidate() {
        cache.clear();
    }

    private RoutePolicy.DeploymentView load(DeploymentId id) {
        Deployment deployment =
                deployments.find(id).orElseThrow(() -> GatewayException.notFound("no deployment " + id));
        String active = deployment.state().version();
        if (active == null) {
            throw GatewayException.notFound("deployment " + id + " serves no version yet");
        }
        Optional<Experiment> latest = latestExperiment(id);
        RoutePolicy.ExperimentView experiment = latest.map(RoutingViews::viewOf).orElse(null);
        boolean promotedSinceSwitch =
                latest.map(e -> promotedAfterSwitch(id, e)).orElse(false);
        return new RoutePolicy.DeploymentView(active, experiment, promotedSinceSwitch);
    }

    private Optional<Experiment> latestExperiment(DeploymentId id) {
        String mcpId = id.toString();
        List<Experiment> mine = experiments.list(null).stream()
                .filter(e -> e.spec().mcpId().equals(mcpId))
                .toList();
        Optional<Experiment> live = mine.stream()
                .filter(e -> e.stop() == null)
                .filter(e -> e.startedAt() != null)
                .max(Comparator.comparing(Experiment::createdAt));
        return live.isPresent() ? live : mine.stream().max(Comparator.comparing(Experiment::createdAt));
    }

    private boolean promotedAfterSwitch(DeploymentId id, Experiment experiment) {
        StopRecord stop = experiment.stop();
        if (stop == null || stop.outcome() != StopRecord.Outcome.PROMOTED) {
            return false;
        }
        List<SwitchRecord> last = deployments.history(id, 1);
        return last.isEmpty() || stop.at().isAfter(last.get(0).at());
    }

    static RoutePolicy.ExperimentView viewOf(Experiment experiment) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (VariantSpec variant : experiment.spec().variants()) {
            versions.put(variant.key(), variant.version());
        }
        StopRecord stop = experiment.stop();
        @Nullable String winner = stop == null ? null : stop.winner();
        RoutePolicy.Phase phase = phase(experiment, stop, winner);
        return new RoutePolicy.ExperimentView(
                experiment.id(),
                phase,
                experiment.spec().control(),
                versions,
                phase == RoutePolicy.Phase.PROMOTED ? winner : null);
    }

    private static RoutePolicy.Phase phase(Experiment experiment, @Nullable StopRecord stop, @Nullable String winner) {
        if (stop != null) {
            boolean promoted = stop.outcome() == StopRecord.Outcome.PROMOTED
                    && winner != null
                    && !winner.equals(experiment.spec().control());
            return promoted ? RoutePolicy.Phase.PROMOTED : RoutePolicy.Phase.STOPPED_TO_CONTROL;
        }
        return switch (experiment.status()) {
            case RUNNING -> RoutePolicy.Phase.RUNNING;
            case PAUSED -> RoutePolicy.Phase.PAUSED;
            default -> RoutePolicy.Phase.DRAFT;
        };
    }
}
