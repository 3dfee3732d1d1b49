package dev.mcpver.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.GatewaySettings;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.deploy.ProcessSupervisor;
import dev.mcpver.rollback.DeploymentService;
import java.time.Clock;
import java.time.Duration;

/** The gateway's objects over the deployments and experiments of one process, created by constructor. */
public final class GatewayWiring implements AutoCloseable {
    private final java.util.concurrent.ExecutorService refresher;
    private final RoutingViews views;
    private final Gateway gateway;

    /**
     * @param targets the registered artifact of (server, version), for versions installed on first use
     */
    @SuppressWarnings("TooManyParameters") // the composition of the gateway
    public GatewayWiring(
            DeploymentService deployments,
            ProcessSupervisor supervisor,
            java.util.function.BiFunction<String, String, java.util.Optional<dev.mcpver.rollback.ArtifactRef>> targets,
            ExperimentService experiments,
            GatewaySettings settings,
            ObjectMapper mapper,
            Clock clock) {
        this.refresher = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gateway-routes");
            thread.setDaemon(true);
            return thread;
        });
        this.views = new RoutingViews(deployments, experiments, clock, Duration.ofSeconds(1), refresher);
        WireMetrics metrics = new WireMetrics(experiments, settings, views::invalidate);
        this.gateway = new Gateway(
                views,
                new DeployedUpstreams(deployments, supervisor, targets),
                experiments,
                metrics,
                settings,
                mapper,
                clock);
    }

    /**
     * The experiment-driven canary over the manual stand-in (whose recorded verdicts still decide first).
     *
     * @param manual the manual port of the deployments feature
     */
    public GatewayCanary canary(
            dev.mcpver.store.SqlManualCanary manual,
            ExperimentService experiments,
            GatewaySettings settings,
            Clock clock) {
        return canary(
                manual,
                experiments,
                settings.canarySteps(),
                dev.mcpver.abtest.ExperimentSpec.DEFAULT_MIN_SAMPLES,
                Duration.ofSeconds(5),
                clock);
    }

    /** The same with another ramp policy (tests). */
    @SuppressWarnings("TooManyParameters") // the canary's collaborators and policy
    public GatewayCanary canary(
            dev.mcpver.store.SqlManualCanary manual,
            ExperimentService experiments,
            java.util.List<Integer> steps,
            int minSamples,
            Duration analysisInterval,
            Clock clock) {
        GatewayCanary.ManualVerdicts verdicts = new GatewayCanary.ManualVerdicts() {
            @Override
            public void start(
                    String updateId, dev.mcpver.rollback.DeploymentId deployment, String from, String to, int p) {
                manual.start(updateId, deployment, from, to, p);
            }

            @Override
            public dev.mcpver.migrate.CanaryDecision decision(String updateId) {
                return manual.decisionForUpdate(updateId);
            }
        };
        return new GatewayCanary(experiments, verdicts, views::invalidate, steps, minSamples, analysisInterval, clock);
    }

    public Gateway gateway() {
        return gateway;
    }

    public RoutingViews views() {
        return views;
    }

    /** Starts the background work (metrics, health checks). */
    public GatewayWiring start() {
        gateway.start();
        return this;
    }

    @Override
    public void close() {
        gateway.close();
        refresher.shutdownNow();
    }
}
