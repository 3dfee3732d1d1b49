package dev.mcpver.migrate;

import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentService;
import dev.mcpver.rollback.Initiator;
import dev.mcpver.rollback.InstalledRelease;
import dev.mcpver.rollback.SwitchCause;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automated updates: validated, stored (they survive restarts), and run when due by {@link #tick} with their
 * strategy — immediate, rolling (one deployment after another, stopping at the first rollback), blue-green (the old
 * release keeps serving beside the new one for the hold time, and is switched back to if the new one fails its
 * health check meanwhile) or canary (the new release runs beside the old one in an A/B experiment through the
 * {@link CanaryController} port; its verdict promotes it through a full migration, or stops it). Every switch is a
 * migration with automatic rollback. Thread-safe when called from one scheduler thread.
 */
public final class UpdateService {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateService.class);

    private final UpdateStore store;
    private final MigrationService migrations;
    private final DeploymentService deployments;
    private final ServerControl servers;
    private final SurfaceProbe probe;
    private final CanaryController canary;
    private final Clock clock;
    private final Supplier<String> ids;

    @SuppressWarnings("TooManyParameters") // wired once by the composition root
    public UpdateService(
            UpdateStore store,
            MigrationService migrations,
            DeploymentService deployments,
            ServerControl servers,
            SurfaceProbe probe,
            CanaryController canary,
            Clock clock,
            Supplier<String> ids) {
        this.store = store;
        this.migrations = migrations;
        this.deployments = deployments;
        this.servers = servers;
        this.probe = probe;
        this.canary = canary;
        this.clock = clock;
        this.ids = ids;
    }

    /** Validates and stores an update; every problem is named in one {@code INVALID} refusal. */
    public UpdateJob schedule(UpdateRequest request, Initiator who) {
        List<String> reasons = UpdateValidator.validate(
                request, id -> migrations.catalog().find(id.server(), request.toVersion()), clock.instant());
        reasons = new java.util.ArrayList<>(reasons);
        for (DeploymentId id : request.deployments()) {
            if (deployments.find(id).isEmpty()) {
                reasons.add("no deployment " + id);
            }
        }
        if (!reasons.isEmpty()) {
            throw MigrationException.invalid(String.join("; ", reasons));
        }
        Instant now = clock.instant();
        UpdateJob job =
                new UpdateJob(ids.get(), request, UpdateStatus.SCHEDULED, null, List.of(), null, null, who, now, now);
        store.insert(job);
        return job;
    }

    public UpdateJob get(String id) {
        return store.find(id).orElseThrow(() -> MigrationException.notFound("no update " + id));
    }

    public List<UpdateJob> list(int limit) {
        return store.list(limit);
    }

    /** Cancels an update that has not switched anything yet (scheduled, or a canary awaiting its verdict). */
    public UpdateJob cancel(String id, Initiator who) {
        UpdateJob job = get(id);
        if (job.status() == UpdateStatus.AWAITING_DECISION) {
            endCanary(job);
        } else if (job.status() != UpdateStatus.SCHEDULED) {
            throw MigrationException.conflict(
                    "update " + id + " is " + job.status().wireName() + "; only scheduled"
                            + " updates and canaries awaiting a verdict can be cancelled");
        }
        return save(job.with(UpdateStatus.CANCELLED, "cancelled by " + who.subject(), clock.instant()));
    }

    /** Runs whatever is due: scheduled jobs, blue-green holds that are over, canary verdicts. */
    public synchronized List<UpdateJob> tick() {
        Instant now = clock.instant();
        List<UpdateJob> touched = new java.util.ArrayList<>();
        for (UpdateJob job : store.open()) {
            try {
                advance(job, now).ifPresent(touched::add);
            } catch (RuntimeException e) {
                touched.add(save(job.with(UpdateStatus.FAILED, MigrationExecutor.message(e), clock.instant())));
            }
        }
        return touched;
    }

    private Optional<UpdateJob> advance(UpdateJob job, Instant now) {
        return switch (job.status()) {
            case SCHEDULED -> job.request().runAt().isAfter(now) ? Optional.empty() : run(job);
            case HOLDING -> due(job, now) ? Optional.of(finishBlueGreen(job)) : Optional.empty();
            case AWAITING_DECISION -> pollCanary(job, now);
            default -> Optional.empty();
        };
    }

    private static boolean due(UpdateJob job, Instant now) {
        return job.deadline() == null || !job.deadline().isAfter(now);
    }

    /** Claims a due job (another scheduler may have) and runs it with its strategy. */
    private Optional<UpdateJob> run(UpdateJob job) {
        UpdateJob running = job.with(UpdateStatus.RUNNING, null, clock.instant());
        if (!store.claim(running, UpdateStatus.SCHEDULED)) {
            return Optional.empty();
        }
        log(running, "started");
        return Optional.of(
                switch (job.request().strategy()) {
                    case IMMEDIATE, ROLLING -> rollOut(running);
                    case BLUE_GREEN -> blueGreen(running);
                    case CANARY -> startCanary(running);
                });
    }

    /** Immediate and rolling: each deployment in turn (skipping those already on the target), stop at a failure. */
    private UpdateJob rollOut(UpdateJob job) {
        UpdateJob current = job;
        List<DeploymentId> targets = job.request().deployments();
        for (int i = 0; i < targets.size(); i++) {
            DeploymentId id = targets.get(i);
            if (job.request().toVersion().equals(deployments.get(id).state().version())) {
                continue;
            }
            current = migrate(current, id, job.request().options());
            Migration last = lastMigration(current);
            if (last.status() != MigrationStatus.SUCCEEDED) {
                String rest = i + 1 < targets.size() ? "; not updated: " + targets.subList(i + 1, targets.size()) : "";
                return finish(current, outcome(last), id + ": " + last.cause() + rest);
            }
        }
        return finish(current, UpdateStatus.SUCCEEDED, null);
    }

    private UpdateJob blueGreen(UpdateJob job) {
        PlanOptions o = job.request().options();
        PlanOptions keepBlue = new PlanOptions(
                o.smokeCalls(),
                o.configRenames(),
                o.configSet(),
                o.launch(),
                o.allowBreaking(),
                true,
                o.requireSignature(),
                true,
                o.stepTimeoutMs(),
                o.maxDurationMs(),
                o.smokeLatencyThresholdMs(),
                o.keepReleases());
        UpdateJob migrated = migrate(job, job.request().deployments().get(0), keepBlue);
        Migration last = lastMigration(migrated);
        if (last.status() != MigrationStatus.SUCCEEDED) {
            return finish(migrated, outcome(last), last.cause());
        }
        Instant now = clock.instant();
        UpdateJob holding = save(migrated.holding(now.plusMillis(job.request().blueGreenHoldMs()), now));
        return job.request().blueGreenHoldMs() == 0 ? finishBlueGreen(holding) : holding;
    }

    /** After the hold: green answers with its validated surface → blue stops; else the deployment goes back to blue. */
    private UpdateJob finishBlueGreen(UpdateJob job) {
        DeploymentId id = job.request().deployments().get(0);
        Migration migration = lastMigration(job);
        String problem = greenProblem(id, migration);
        if (problem == null) {
            servers.promote(id);
            return finish(job, UpdateStatus.SUCCEEDED, null);
        }
        MigrationPlan plan = migrations.plan(migration.planId());
        Deployment current = deployments.get(id);
        deployments.switchTo(current, plan.source(), new SwitchCause("blue-green-revert", job.id()), job.initiator());
        servers.stop(id, ServerHandle.Role.CANDIDATE);
        return finish(job, UpdateStatus.ROLLED_BACK, "green failed during the hold, switched back to blue: " + problem);
    }

    private @Nullable String greenProblem(DeploymentId id, Migration migration) {
        Optional<ServerHandle> green = servers.running(id, ServerHandle.Role.CANDIDATE);
        if (green.isEmpty()) {
            return servers.running(id, ServerHandle.Role.RESIDENT).isPresent()
                    ? null
                    : "the new release is not running";
        }
        try {
            probe.snapshot(green.get(), Duration.ofSeconds(30));
            return null;
        } catch (RuntimeException e) {
            return MigrationExecutor.message(e);
        }
    }

    /** Canary: the plan's dry run must pass; then the target runs beside the old release and the experiment starts. */
    private UpdateJob startCanary(UpdateJob job) {
        DeploymentId id = job.request().deployments().get(0);
        MigrationPlan plan =
                migrations.plan(id, job.request().toVersion(), job.request().options(), job.initiator());
        Migration dry = migrations.run(
                migrations.start(plan.id(), true, job.initiator()).id());
        UpdateJob tracked = save(job.withMigration(dry.id(), clock.instant()));
        if (dry.status() != MigrationStatus.SUCCEEDED) {
            return finish(tracked, UpdateStatus.FAILED, "the canary's dry run would fail: " + dry.cause());
        }
        startCandidate(plan, job.initiator());
        String experiment = canary.start(
                job.id(),
                id,
                plan.fromVersion(),
                plan.toVersion(),
                job.request().canaryTrafficPercent());
        Instant now = clock.instant();
        return save(tracked.awaiting(experiment, now.plusMillis(job.request().canaryMaxWaitMs()), now));
    }

    private void startCandidate(MigrationPlan plan, Initiator who) {
        InstalledRelease installed = deployments.ensureInstalled(
                plan.deployment(),
                plan.toVersion(),
                plan.target().artifact(),
                plan.options().requireSignature(),
                who);
        servers.start(
                plan.deployment(),
                ServerHandle.Role.CANDIDATE,
                installed.releaseDir(),
                MigrationPlanner.targetLaunch(plan),
                ConfigTransform.apply(plan.source().config(), plan.target().requiredEnv(), plan.options())
                        .config());
    }

    private Optional<UpdateJob> pollCanary(UpdateJob job, Instant now) {
        CanaryDecision decision = canary.decision(Objects.requireNonNull(job.experimentId()));
        if (decision.verdict() == CanaryDecision.Verdict.PENDING) {
            if (!due(job, now)) {
                return Optional.empty();
            }
            endCanary(job);
            return Optional.of(finish(job, UpdateStatus.ROLLED_BACK, "no canary verdict before the deadline"));
        }
        endCanary(job);
        if (decision.verdict() == CanaryDecision.Verdict.ROLLBACK) {
            return Optional.of(finish(
                    job,
                    UpdateStatus.ROLLED_BACK,
                    "canary verdict: rollback" + (decision.reason() == null ? "" : " (" + decision.reason() + ")")));
        }
        UpdateJob running = save(job.with(UpdateStatus.RUNNING, null, now));
        UpdateJob migrated = migrate(
                running, job.request().deployments().get(0), job.request().options());
        Migration last = lastMigration(migrated);
        return Optional.of(
                finish(migrated, outcome(last), last.status() == MigrationStatus.SUCCEEDED ? null : last.cause()));
    }

    private void endCanary(UpdateJob job) {
        if (job.experimentId() != null) {
            canary.stop(job.experimentId());
        }
        servers.stop(job.request().deployments().get(0), ServerHandle.Role.CANDIDATE);
    }

    /**
     * After a restart: a running job whose last migration failed ends with it, any other running job is scheduled
     * again (deployments already on the target are skipped); a blue-green hold ends (the restart stopped blue); a
     * canary gets its candidate process back.
     */
    public void recover() {
        for (UpdateJob job : store.open()) {
            switch (job.status()) {
                case RUNNING -> recoverRunning(job);
                case HOLDING -> finish(job, UpdateStatus.SUCCEEDED, null);
                case AWAITING_DECISION -> recoverCanary(job);
                default -> {
                    // scheduled jobs simply run when due
                }
            }
        }
    }

    private void recoverRunning(UpdateJob job) {
        Optional<Migration> last = job.migrationIds().isEmpty() ? Optional.empty() : Optional.of(lastMigration(job));
        if (last.isPresent() && !last.get().dryRun() && last.get().status() != MigrationStatus.SUCCEEDED) {
            finish(job, outcome(last.get()), String.valueOf(last.get().cause()));
        } else {
            save(job.with(UpdateStatus.SCHEDULED, null, clock.instant()));
        }
    }

    private void recoverCanary(UpdateJob job) {
        try {
            Migration dry = lastMigration(job);
            startCandidate(migrations.plan(dry.planId()), job.initiator());
        } catch (RuntimeException e) {
            endCanary(job);
            finish(job, UpdateStatus.ROLLED_BACK, "the canary did not restart: " + MigrationExecutor.message(e));
        }
    }

    private UpdateJob migrate(UpdateJob job, DeploymentId id, PlanOptions options) {
        MigrationPlan plan = migrations.plan(id, job.request().toVersion(), options, job.initiator());
        Migration created = migrations.start(plan.id(), false, job.initiator());
        UpdateJob tracked = save(job.withMigration(created.id(), clock.instant()));
        migrations.run(created.id());
        return tracked;
    }

    private Migration lastMigration(UpdateJob job) {
        return migrations.get(job.migrationIds().get(job.migrationIds().size() - 1));
    }

    private static UpdateStatus outcome(Migration migration) {
        return switch (migration.status()) {
            case SUCCEEDED -> UpdateStatus.SUCCEEDED;
            case ROLLED_BACK -> UpdateStatus.ROLLED_BACK;
            default -> UpdateStatus.FAILED;
        };
    }

    private UpdateJob finish(UpdateJob job, UpdateStatus status, @Nullable String cause) {
        UpdateJob done = save(job.with(status, cause, clock.instant()));
        log(done, status.wireName());
        return done;
    }

    private UpdateJob save(UpdateJob job) {
        store.update(job);
        return job;
    }

    private static void log(UpdateJob job, String what) {
        LOG.atInfo()
                .addKeyValue("operation", "UPDATE_" + what.toUpperCase(java.util.Locale.ROOT))
                .addKeyValue("updateId", job.id())
                .addKeyValue("strategy", job.request().strategy().wireName())
                .log("update {} ({}) {}", job.id(), job.request().strategy().wireName(), what);
    }
}
