package dev.mcpver.migrate;

import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentService;
import dev.mcpver.rollback.Initiator;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the doors call for migrations: plan, dry-run, execute, inspect, guide. Execution itself is
 * {@link MigrationExecutor}; whether it runs on the caller's thread (CLI) or a worker (HTTP) is the door's choice.
 */
public final class MigrationService {
    private static final int DURATION_SAMPLE = 20;

    private final MigrationStore store;
    private final TargetCatalog catalog;
    private final DeploymentService deployments;
    private final MigrationExecutor executor;
    private final CompatibilityCheck compat;
    private final Clock clock;
    private final Supplier<String> ids;

    @SuppressWarnings("TooManyParameters") // wired once by the composition root
    public MigrationService(
            MigrationStore store,
            TargetCatalog catalog,
            DeploymentService deployments,
            MigrationExecutor executor,
            CompatibilityCheck compat,
            Clock clock,
            Supplier<String> ids) {
        this.store = store;
        this.catalog = catalog;
        this.deployments = deployments;
        this.executor = executor;
        this.compat = compat;
        this.clock = clock;
        this.ids = ids;
    }

    /** Plans a migration and stores the plan (version 1, 2, … per deployment and target). */
    public MigrationPlan plan(DeploymentId id, String toVersion, PlanOptions options, Initiator who) {
        Deployment deployment = deployments.get(id);
        TargetRelease target = catalog.find(id.server(), toVersion)
                .orElseThrow(() -> MigrationException.notFound(
                        "version " + toVersion + " of " + id.server() + " is not registered as a deployable target"));
        MigrationPlan plan = MigrationPlanner.plan(
                ids.get(),
                store.nextPlanVersion(id, toVersion),
                deployment,
                target,
                options,
                store.meanDurations(DURATION_SAMPLE),
                clock.instant());
        store.savePlan(plan, who);
        return plan;
    }

    /** Creates a pending migration (or dry run) of a plan; run it with {@link #run}. */
    public Migration start(String planId, boolean dryRun, Initiator who) {
        return executor.create(planId, dryRun, who);
    }

    public Migration run(String migrationId) {
        return executor.run(migrationId);
    }

    public Migration get(String migrationId) {
        return executor.find(migrationId);
    }

    public List<Migration> list(@Nullable DeploymentId id, int limit) {
        return store.list(id, limit);
    }

    public MigrationPlan plan(String planId) {
        return store.plan(planId).orElseThrow(() -> MigrationException.notFound("no plan " + planId));
    }

    public List<MigrationPlan> plans(@Nullable DeploymentId id, int limit) {
        return store.plans(id, limit);
    }

    public List<StepRun> steps(String migrationId) {
        get(migrationId);
        return store.steps(migrationId);
    }

    public List<MigrationEvent> events(String migrationId, long afterSeq) {
        return store.events(migrationId, afterSeq);
    }

    /** The client migration guide of a migration: from its compatibility report, else from the two surfaces. */
    public MigrationGuide guide(String migrationId) {
        Migration migration = get(migrationId);
        Optional<CompatSummary> report = store.artifact(migrationId, "compat", CompatSummary.class);
        if (report.isEmpty()) {
            Optional<ServerSurface> source = store.artifact(migrationId, "source", ServerSurface.class);
            Optional<ServerSurface> target = store.artifact(migrationId, "target", ServerSurface.class)
                    .or(() -> Optional.ofNullable(
                            plan(migration.planId()).target().surface()));
            if (source.isEmpty() || target.isEmpty()) {
                throw MigrationException.conflict(
                        "migration " + migrationId + " recorded no surfaces to compare; no guide can be generated");
            }
            report = Optional.of(compat.analyze(source.get(), target.get()));
        }
        return MigrationGuide.from(
                migration.deployment().server(), migration.fromVersion(), migration.toVersion(), report.get());
    }

    /** The client migration guide between two registered versions of a server. */
    public MigrationGuide guide(String server, String fromVersion, String toVersion) {
        ServerSurface from = registeredSurface(server, fromVersion);
        ServerSurface to = registeredSurface(server, toVersion);
        return MigrationGuide.from(server, fromVersion, toVersion, compat.analyze(from, to));
    }

    private ServerSurface registeredSurface(String server, String version) {
        TargetRelease release = catalog.find(server, version)
                .orElseThrow(() ->
                        MigrationException.notFound("version " + version + " of " + server + " is not registered"));
        if (release.surface() == null) {
            throw MigrationException.conflict("version " + version + " of " + server + " has no registered surface");
        }
        return release.surface();
    }

    /** Whether a migration of the deployment is pending, running or rolling back. */
    public boolean inFlight(DeploymentId id) {
        return executor.busy(id);
    }

    /** Finishes migrations a crash interrupted (see {@link MigrationExecutor#recover}). */
    public List<Migration> recover() {
        return executor.recover();
    }

    public TargetCatalog catalog() {
        return catalog;
    }
}
