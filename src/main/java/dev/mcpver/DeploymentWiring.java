package dev.mcpver;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.deploy.ArtifactInstaller;
import dev.mcpver.deploy.FileBlobStore;
import dev.mcpver.deploy.HomeLayout;
import dev.mcpver.deploy.LocalHostCheck;
import dev.mcpver.deploy.LocalReleaseArea;
import dev.mcpver.deploy.McpProbe;
import dev.mcpver.deploy.MigrationFeed;
import dev.mcpver.deploy.MigrationRunner;
import dev.mcpver.deploy.NpmPackages;
import dev.mcpver.deploy.ProcessSupervisor;
import dev.mcpver.deploy.SecretResolver;
import dev.mcpver.deploy.TrustedKeysSignatureVerifier;
import dev.mcpver.deploy.UpdateScheduler;
import dev.mcpver.json.Json;
import dev.mcpver.migrate.CanaryController;
import dev.mcpver.migrate.CanaryDecision;
import dev.mcpver.migrate.CompatibilityCheck;
import dev.mcpver.migrate.ExecutorSettings;
import dev.mcpver.migrate.Migration;
import dev.mcpver.migrate.MigrationExecutor;
import dev.mcpver.migrate.MigrationService;
import dev.mcpver.migrate.ServerHandle;
import dev.mcpver.migrate.ServerSurface;
import dev.mcpver.migrate.TargetCatalog;
import dev.mcpver.migrate.UpdateService;
import dev.mcpver.registry.RegistryService;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentService;
import dev.mcpver.rollback.Initiator;
import dev.mcpver.rollback.RetentionPolicy;
import dev.mcpver.rollback.RollbackException;
import dev.mcpver.rollback.RollbackService;
import dev.mcpver.store.Database;
import dev.mcpver.store.SqlAuditLog;
import dev.mcpver.store.SqlDeploymentStore;
import dev.mcpver.store.SqlManualCanary;
import dev.mcpver.store.SqlMigrationStore;
import dev.mcpver.store.SqlProcessJournal;
import dev.mcpver.store.SqlRollbackStore;
import dev.mcpver.store.SqlTargetCatalog;
import dev.mcpver.store.SqlUpdateStore;
import dev.mcpver.surface.MigrationCompatCheck;
import dev.mcpver.tools.DeploymentFeature;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The objects of deployments, rollback points and migrations (issue 7) over one database and one
 * {@code MCPVER_HOME}, created by constructor. {@link App} builds one in resident mode (it keeps deployments'
 * servers running); CLI commands build one that validates with short-lived processes only.
 *
 * <p>{@link #recover()} is the start-up sequence after a crash: stop orphaned server processes, finish interrupted
 * rollback executions and re-point {@code current} links, finish interrupted migrations, then (resident mode) start
 * every active deployment's server.
 */
public final class DeploymentWiring implements DeploymentFeature, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentWiring.class);

    private final SqlDeploymentStore deploymentStore;
    private final SqlTargetCatalog targets;
    private final ProcessSupervisor supervisor;
    private final DeploymentService deployments;
    private final RollbackService rollback;
    private final MigrationService migrations;
    private final MigrationFeed feed = new MigrationFeed();
    private final MigrationRunner runner;
    private final McpProbe probe;
    private final SqlManualCanary canary;
    private final SwitchableCanary canaryPort;
    private final UpdateService updates;
    private final UpdateScheduler scheduler;
    private final boolean residentMode;

    /**
     * @param env the process environment: secrets referenced as {@code env:NAME}, and {@link DeploymentSettings}
     * @param residentMode keep deployments' servers running (the service) or not (one-shot CLI commands)
     */
    public DeploymentWiring(
            Database database,
            SqlAuditLog audit,
            Path home,
            Map<String, String> env,
            Clock clock,
            boolean residentMode) {
        this(database, audit, home, env, clock, residentMode, analyzer(database, clock));
    }

    /** The compatibility analyzer as the migrations' check, with its report cache in the database. */
    public static CompatibilityCheck analyzer(Database database, Clock clock) {
        return new MigrationCompatCheck(RegistryWiring.compatService(database, clock), Json.mapper());
    }

    public DeploymentWiring(
            Database database,
            SqlAuditLog audit,
            Path home,
            Map<String, String> env,
            Clock clock,
            boolean residentMode,
            CompatibilityCheck compat) {
        this(database, audit, home, env, clock, residentMode, compat, null);
    }

    /**
     * @param registry when given, its versions with an installable artifact are deployable targets too (targets
     *     registered through the deployments API win)
     */
    @SuppressWarnings("TooManyParameters") // the composition of one feature
    public DeploymentWiring(
            Database database,
            SqlAuditLog audit,
            Path home,
            Map<String, String> env,
            Clock clock,
            boolean residentMode,
            CompatibilityCheck compat,
            @Nullable RegistryService registry) {
        DeploymentSettings settings = DeploymentSettings.load(env);
        Supplier<String> ids = () -> UlidCreator.getMonotonicUlid().toString();
        HomeLayout layout = new HomeLayout(home);
        FileBlobStore blobs = new FileBlobStore(layout);
        LocalReleaseArea area = new LocalReleaseArea(layout, blobs, settings.fileThreads());
        SecretResolver secrets = new SecretResolver(env);
        this.residentMode = residentMode;
        this.deploymentStore = new SqlDeploymentStore(database, audit, clock);
        this.targets = new SqlTargetCatalog(database, audit, clock);
        this.supervisor = new ProcessSupervisor(
                layout,
                secrets,
                new SqlProcessJournal(database),
                new JacksonMcpJsonMapper(Json.create()),
                clock,
                ids,
                residentMode);
        ArtifactInstaller installer = new ArtifactInstaller(
                layout,
                new TrustedKeysSignatureVerifier(layout),
                new NpmPackages(settings.npm(), Duration.ofMinutes(10), Map.of()),
                clock);
        this.deployments = new DeploymentService(deploymentStore, area, installer, supervisor, ids);
        this.rollback = new RollbackService(
                deploymentStore,
                new SqlRollbackStore(database, audit, clock),
                area,
                blobs,
                supervisor,
                new RetentionPolicy(settings.maxPointsPerDeployment(), settings.maxPointAge()),
                clock,
                ids);
        SqlMigrationStore migrationStore = new SqlMigrationStore(database, audit, clock);
        this.probe = new McpProbe(supervisor, Json.mapper());
        MigrationExecutor executor = new MigrationExecutor(
                migrationStore,
                deployments,
                rollback,
                supervisor,
                probe,
                compat,
                new LocalHostCheck(secrets),
                feed,
                new ExecutorSettings(residentMode, settings.crashTestPauseMs(), settings.crashTestPauseStep()),
                clock,
                ids);
        TargetCatalog deployable = registry == null ? targets : new RegistryTargets(targets, registry, home);
        this.migrations = new MigrationService(migrationStore, deployable, deployments, executor, compat, clock, ids);
        this.runner = new MigrationRunner(migrations);
        this.canary = new SqlManualCanary(database, audit, clock);
        this.canaryPort = new SwitchableCanary(canary);
        this.updates = new UpdateService(
                new SqlUpdateStore(database, audit),
                migrations,
                deployments,
                supervisor,
                probe,
                canaryPort,
                clock,
                ids);
        this.scheduler = new UpdateScheduler(updates);
    }

    /**
     * Replaces the manual canary stand-in (the gateway's experiment-driven canary in {@code serve}); the factory gets
     * the manual port so that an operator's recorded verdict keeps working.
     */
    public void useCanary(java.util.function.Function<SqlManualCanary, CanaryController> factory) {
        canaryPort.delegate = factory.apply(canary);
    }

    /** The canary port: the manual stand-in until {@link #useCanary} plugs in another. */
    private static final class SwitchableCanary implements CanaryController {
        private volatile CanaryController delegate;

        SwitchableCanary(CanaryController initial) {
            this.delegate = initial;
        }

        @Override
        public String start(
                String updateId, DeploymentId deployment, String fromVersion, String toVersion, int percent) {
            return delegate.start(updateId, deployment, fromVersion, toVersion, percent);
        }

        @Override
        public CanaryDecision decision(String experimentId) {
            return delegate.decision(experimentId);
        }

        @Override
        public void stop(String experimentId) {
            delegate.stop(experimentId);
        }
    }

    /** The start-up sequence after a crash (see the class comment); safe to call on a clean start. */
    public void recover() {
        int reaped = supervisor.reapOrphans();
        rollback.recover();
        List<Migration> finished = migrations.recover();
        LOG.atInfo()
                .addKeyValue("operation", "DEPLOYMENT_RECOVERY")
                .addKeyValue("orphansStopped", reaped)
                .addKeyValue("migrationsFinished", finished.size())
                .log("recovery: {} orphaned process(es) stopped, {} migration(s) finished", reaped, finished.size());
        updates.recover();
        if (residentMode) {
            scheduler.start(Duration.ofSeconds(1));
            scheduler.every(Duration.ofSeconds(5), this::reconcileResidents);
            for (Deployment deployment : deployments.list()) {
                if (supervisor
                        .running(deployment.id(), dev.mcpver.migrate.ServerHandle.Role.RESIDENT)
                        .isEmpty()) {
                    supervisor.ensureResident(deployment);
                }
            }
        }
    }

    /**
     * Switches made by another process (a CLI {@code rollback restore}, {@code deploy activate}) do not reach this
     * supervisor: every few seconds, a resident found running another release than the pointer row names (and no
     * migration in flight) is restarted on the active one, and the {@code current} link re-pointed.
     */
    private void reconcileResidents() {
        for (Deployment deployment : deployments.list()) {
            String dir = deployment.state().releaseDir();
            if (dir == null || migrations.inFlight(deployment.id())) {
                continue;
            }
            deployments.reconcile(deployment);
            boolean servedByCandidate = supervisor
                    .running(deployment.id(), ServerHandle.Role.CANDIDATE)
                    .map(h -> h.releaseDir().equals(dir))
                    .orElse(false);
            boolean servedByResident = supervisor
                    .running(deployment.id(), ServerHandle.Role.RESIDENT)
                    .map(h -> h.releaseDir().equals(dir))
                    .orElse(false);
            if (!servedByCandidate && !servedByResident) {
                supervisor.ensureResident(deployment);
            }
        }
    }

    @Override
    public void execute(String migrationId) {
        if (residentMode) {
            runner.submit(migrationId);
        } else {
            migrations.run(migrationId);
        }
    }

    /**
     * The resident's surface (started if it is not running); without residents, a short-lived process of the active
     * release answers instead.
     */
    @Override
    public ServerSurface probe(DeploymentId id) {
        Deployment deployment = deployments.get(id);
        String dir = deployment.state().releaseDir();
        if (dir == null) {
            throw RollbackException.conflict("deployment " + id + " has no active release");
        }
        Duration timeout = Duration.ofMillis(deployment.state().launch().startupTimeoutMs());
        if (residentMode) {
            ServerHandle resident = supervisor
                    .running(id, ServerHandle.Role.RESIDENT)
                    .filter(h -> h.releaseDir().equals(dir))
                    .orElseGet(() -> supervisor.start(
                            id,
                            ServerHandle.Role.RESIDENT,
                            dir,
                            deployment.state().launch(),
                            deployment.state().config()));
            return probe.snapshot(resident, timeout);
        }
        ServerHandle temporary = supervisor.start(
                id,
                ServerHandle.Role.CANDIDATE,
                dir,
                deployment.state().launch(),
                deployment.state().config());
        try {
            return probe.snapshot(temporary, timeout);
        } finally {
            supervisor.stop(id, ServerHandle.Role.CANDIDATE);
        }
    }

    /** Every tool of the feature, for the catalog. */
    public List<dev.mcpver.tools.ToolDef> tools() {
        List<dev.mcpver.tools.ToolDef> tools = new java.util.ArrayList<>();
        tools.addAll(dev.mcpver.tools.DeploymentTools.all(this));
        tools.addAll(dev.mcpver.tools.RollbackTools.all(this));
        tools.addAll(dev.mcpver.tools.MigrationTools.all(this));
        tools.addAll(dev.mcpver.tools.UpdateTools.all(this));
        return tools;
    }

    @Override
    public UpdateService updates() {
        return updates;
    }

    @Override
    public void decideCanary(String updateId, CanaryDecision.Verdict verdict, @Nullable String reason, Initiator who) {
        canary.decide(updateId, verdict, reason, who);
    }

    @Override
    public DeploymentService deployments() {
        return deployments;
    }

    @Override
    public RollbackService rollback() {
        return rollback;
    }

    @Override
    public MigrationService migrations() {
        return migrations;
    }

    @Override
    public SqlTargetCatalog targets() {
        return targets;
    }

    public ProcessSupervisor supervisor() {
        return supervisor;
    }

    public MigrationFeed feed() {
        return feed;
    }

    public MigrationRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        scheduler.close();
        runner.close();
        supervisor.close();
    }
}
