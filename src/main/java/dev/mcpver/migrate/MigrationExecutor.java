package dev.mcpver.migrate;

import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentService;
import dev.mcpver.rollback.Initiator;
import dev.mcpver.rollback.RollbackService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs migrations step by step. Each step's {@code running} state is committed before it acts and its end state
 * (with its effects) before the next step starts; every change is also a progress event. A failed step (or a
 * step beyond its timeout, or a migration beyond its maximum duration) triggers the rollback steps when
 * automatic rollback is on: stop the target, restore the rollback point if the deployment was switched, and check
 * that the old version answers with its old surface.
 *
 * <p>After a crash, {@link #recover} finishes every unfinished migration deterministically: one that had completed
 * all its steps is marked succeeded; any other is rolled back (or, with automatic rollback off, marked failed);
 * an interrupted rollback resumes at its first unfinished step. Thread-safe; one migration per deployment runs at
 * a time (the store refuses a second).
 */
public final class MigrationExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationExecutor.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final MigrationStore store;
    private final DeploymentService deployments;
    private final StepActions actions;
    private final MigrationEvents events;
    private final ExecutorSettings settings;
    private final Clock clock;
    private final Supplier<String> ids;
    private final ExecutorService stepThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "mcpver-migration-step-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @SuppressWarnings("TooManyParameters") // the ports of the engine, wired once by the composition root
    public MigrationExecutor(
            MigrationStore store,
            DeploymentService deployments,
            RollbackService rollback,
            ServerControl servers,
            SurfaceProbe probe,
            CompatibilityCheck compat,
            HostCheck host,
            MigrationEvents events,
            ExecutorSettings settings,
            Clock clock,
            Supplier<String> ids) {
        this.store = store;
        this.deployments = deployments;
        this.actions = new StepActions(store, deployments, rollback, servers, probe, compat, host, settings);
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.ids = ids;
    }

    /** Creates a pending migration of a stored plan; {@link #run} executes it. */
    public Migration create(String planId, boolean dryRun, Initiator who) {
        MigrationPlan plan = store.plan(planId).orElseThrow(() -> MigrationException.notFound("no plan " + planId));
        Migration migration = new Migration(
                ids.get(),
                plan.id(),
                plan.deployment(),
                plan.fromVersion(),
                plan.toVersion(),
                dryRun,
                MigrationStatus.PENDING,
                0,
                null,
                null,
                who,
                clock.instant(),
                null,
                null);
        store.create(
                migration,
                plan.steps().stream()
                        .map(s -> StepRun.pending(migration.id(), s))
                        .toList());
        event(
                migration,
                "migration.created",
                Map.of(
                        "dryRun",
                        String.valueOf(dryRun),
                        "steps",
                        String.valueOf(plan.steps().size()),
                        "estimatedMs",
                        String.valueOf(plan.estimatedDurationMs())));
        return migration;
    }

    /** Executes a pending migration to its end (synchronously) and returns its final state. */
    public Migration run(String migrationId) {
        Migration migration = find(migrationId);
        if (migration.status() != MigrationStatus.PENDING) {
            throw MigrationException.conflict(
                    "migration " + migrationId + " is " + migration.status().wireName());
        }
        StepContext ctx = new StepContext(plan(migration), migration);
        update(ctx, migration.started(clock.instant()));
        event(ctx.migration(), "migration.started", Map.of("dryRun", String.valueOf(migration.dryRun())));
        String stale = staleness(ctx);
        if (stale != null) {
            return finish(ctx, MigrationStatus.FAILED, stale);
        }
        return forward(ctx);
    }

    private @Nullable String staleness(StepContext ctx) {
        Deployment current = deployments.get(ctx.plan.deployment());
        if (current.revision() == ctx.plan.sourceRevision()) {
            return null;
        }
        return "deployment " + current.id() + " was switched since planning (revision " + ctx.plan.sourceRevision()
                + " -> " + current.revision() + "): plan again";
    }

    private Migration forward(StepContext ctx) {
        Instant deadline = java.util.Objects.requireNonNullElse(ctx.migration().startedAt(), clock.instant())
                .plusMillis(ctx.plan.options().maxDurationMs());
        for (PlannedStep step : ctx.plan.forwardSteps()) {
            String error = execute(ctx, step, deadline);
            if (error != null && !ctx.dryRun()) {
                return failed(ctx, step.kind().wireName() + " failed: " + error);
            }
        }
        if (ctx.dryRun()) {
            return finish(
                    ctx, ctx.anyFailed() ? MigrationStatus.FAILED : MigrationStatus.SUCCEEDED, dryRunSummary(ctx));
        }
        return finish(ctx, MigrationStatus.SUCCEEDED, null);
    }

    private static @Nullable String dryRunSummary(StepContext ctx) {
        if (!ctx.anyFailed()) {
            return null;
        }
        String failed = ctx.failures().stream().map(StepKind::wireName).collect(Collectors.joining(", "));
        String unchecked = ctx.uncheckedSteps().stream().map(StepKind::wireName).collect(Collectors.joining(", "));
        return "dry run: would fail at " + failed + (unchecked.isEmpty() ? "" : "; not checked: " + unchecked);
    }

    /** Runs one step with its bookkeeping; returns null on success, else why it failed. */
    private @Nullable String execute(StepContext ctx, PlannedStep step, Instant deadline) {
        StepRun run = begin(ctx, step);
        if (ctx.dryRun() && !step.kind().dryRunnable()) {
            end(ctx, run, StepStatus.SKIPPED, Map.of("dryRun", "would " + step.description()), null);
            return null;
        }
        if (ctx.dryRun() && ctx.blocked(step.kind())) {
            ctx.unchecked(step.kind());
            end(ctx, run, StepStatus.SKIPPED, Map.of(), "not checked: a step it depends on failed");
            return null;
        }
        pause("MIGRATION_STEP_RUNNING", ctx, step);
        try {
            Map<String, String> effects = act(ctx, step, deadline);
            pause("MIGRATION_STEP_APPLIED", ctx, step);
            ctx.recorded(step.kind(), effects);
            end(ctx, run, StepStatus.SUCCEEDED, effects, null);
            return null;
        } catch (RuntimeException e) {
            String error = message(e);
            ctx.failed(step.kind());
            end(ctx, run, StepStatus.FAILED, Map.of(), error);
            return error;
        }
    }

    private StepRun begin(StepContext ctx, PlannedStep step) {
        StepRun run = StepRun.pending(ctx.migration().id(), step).running(clock.instant());
        store.updateStep(run);
        update(ctx, ctx.migration().atStep(step.index()));
        event(ctx.migration(), "step.started", stepData(ctx, step.index(), step.kind(), StepStatus.RUNNING, null));
        return run;
    }

    private void end(
            StepContext ctx, StepRun run, StepStatus status, Map<String, String> effects, @Nullable String error) {
        StepRun done = run.finished(status, clock.instant(), effects, error);
        store.updateStep(done);
        Map<String, String> data = stepData(ctx, run.index(), run.kind(), status, error);
        if (done.durationMs() != null) {
            data.put("durationMs", String.valueOf(done.durationMs()));
        }
        event(ctx.migration(), "step.finished", data);
        LOG.atInfo()
                .addKeyValue("operation", "MIGRATION_STEP")
                .addKeyValue("migrationId", ctx.migration().id())
                .addKeyValue("step", run.kind().wireName())
                .addKeyValue("status", status.wireName())
                .addKeyValue("durationMs", done.durationMs())
                .log("migration {} step {} {}", ctx.migration().id(), run.kind().wireName(), status.wireName());
    }

    /** Runs the action on a step thread, bounded by the step's timeout and the migration's deadline. */
    private Map<String, String> act(StepContext ctx, PlannedStep step, Instant deadline) {
        long budget = step.timeoutMs();
        if (step.phase() != Phase.ROLLBACK) {
            long left = Duration.between(clock.instant(), deadline).toMillis();
            if (left <= 0) {
                throw new StepFailure("the migration exceeded its maximum duration of "
                        + ctx.plan.options().maxDurationMs() + " ms");
            }
            budget = Math.min(budget, left);
        }
        long limit = budget;
        Future<Map<String, String>> future =
                stepThreads.submit(() -> actions.run(step.kind(), ctx, Duration.ofMillis(limit)));
        try {
            return future.get(budget, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new StepFailure("timed out after " + budget + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new StepFailure(message(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure("interrupted");
        }
    }

    private Migration failed(StepContext ctx, String cause) {
        if (ctx.plan.options().autoRollback()) {
            return rollback(ctx, cause);
        }
        return finish(ctx, MigrationStatus.FAILED, cause);
    }

    /** Runs the rollback steps not yet done; idempotent, so a rollback interrupted by a crash resumes. */
    private Migration rollback(StepContext ctx, String cause) {
        update(ctx, ctx.migration().with(MigrationStatus.ROLLING_BACK, cause, null));
        event(ctx.migration(), "migration.rolling_back", Map.of("cause", cause));
        Map<Integer, StepRun> done = steps(ctx.migration().id());
        for (PlannedStep step : ctx.plan.rollbackSteps()) {
            StepRun previous = done.get(step.index());
            if (previous != null && previous.status() == StepStatus.SUCCEEDED) {
                continue;
            }
            String error = execute(ctx, step, Instant.MAX);
            if (error != null) {
                return finish(
                        ctx,
                        MigrationStatus.ROLLBACK_FAILED,
                        cause + "; rollback failed at " + step.kind().wireName() + ": " + error);
            }
        }
        return finish(ctx, MigrationStatus.ROLLED_BACK, cause);
    }

    private Migration finish(StepContext ctx, MigrationStatus status, @Nullable String cause) {
        update(ctx, ctx.migration().with(status, cause, clock.instant()));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("status", status.wireName());
        if (cause != null) {
            data.put("cause", cause);
        }
        event(ctx.migration(), "migration.finished", data);
        LOG.atInfo()
                .addKeyValue("operation", "MIGRATION_FINISH")
                .addKeyValue("migrationId", ctx.migration().id())
                .addKeyValue("deployment", ctx.plan.deployment().toString())
                .addKeyValue("status", status.wireName())
                .log(
                        "migration {} of {} to {}: {}",
                        ctx.migration().id(),
                        ctx.plan.deployment(),
                        ctx.plan.toVersion(),
                        status.wireName());
        return ctx.migration();
    }

    /**
     * After a restart: finishes every migration a crash left unfinished, deterministically (see the class comment).
     * Call after the rollback engine's recovery and the supervisor's reaping.
     */
    public List<Migration> recover() {
        return store.unfinished().stream().map(this::recover).toList();
    }

    private Migration recover(Migration migration) {
        StepContext ctx = new StepContext(plan(migration), migration);
        Map<Integer, StepRun> runs = steps(migration.id());
        runs.values().stream()
                .filter(r -> r.status() == StepStatus.SUCCEEDED)
                .forEach(r -> ctx.recorded(r.kind(), r.effects()));
        interrupt(ctx, runs);
        if (migration.status() == MigrationStatus.PENDING) {
            return finish(ctx, MigrationStatus.FAILED, "interrupted by a restart before it started; nothing changed");
        }
        if (migration.dryRun()) {
            actions.run(StepKind.CLEANUP, ctx, Duration.ofMinutes(1));
            return finish(ctx, MigrationStatus.FAILED, "dry run interrupted by a restart");
        }
        if (migration.status() == MigrationStatus.ROLLING_BACK) {
            return rollback(ctx, String.valueOf(migration.cause()));
        }
        boolean complete = ctx.plan.forwardSteps().stream()
                .allMatch(
                        s -> runs.get(s.index()) != null && runs.get(s.index()).status() == StepStatus.SUCCEEDED);
        if (complete) {
            return finish(ctx, MigrationStatus.SUCCEEDED, null);
        }
        PlannedStep at = ctx.plan.steps().get(migration.currentStep());
        return failed(ctx, "interrupted by a restart during " + at.kind().wireName() + " (step " + at.index() + ")");
    }

    /** Steps a crash left running are failed: their effects were not recorded. */
    private void interrupt(StepContext ctx, Map<Integer, StepRun> runs) {
        for (StepRun run : runs.values()) {
            if (run.status() == StepStatus.RUNNING) {
                end(ctx, run, StepStatus.FAILED, Map.of(), "interrupted by a restart");
            }
        }
    }

    public Migration find(String migrationId) {
        return store.find(migrationId).orElseThrow(() -> MigrationException.notFound("no migration " + migrationId));
    }

    private MigrationPlan plan(Migration migration) {
        return store.plan(migration.planId())
                .orElseThrow(() -> MigrationException.notFound("no plan " + migration.planId()));
    }

    private Map<Integer, StepRun> steps(String migrationId) {
        Map<Integer, StepRun> runs = new LinkedHashMap<>();
        store.steps(migrationId).forEach(r -> runs.put(r.index(), r));
        return runs;
    }

    private void update(StepContext ctx, Migration migration) {
        store.update(migration);
        ctx.migration(migration);
    }

    private Map<String, String> stepData(
            StepContext ctx, int index, StepKind kind, StepStatus status, @Nullable String error) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("index", String.valueOf(index));
        data.put("kind", kind.wireName());
        data.put("phase", kind.phase().wireName());
        data.put("status", status.wireName());
        data.put("total", String.valueOf(ctx.plan.forwardSteps().size()));
        if (error != null) {
            data.put("error", error);
        }
        return data;
    }

    private void event(Migration migration, String type, Map<String, String> data) {
        events.published(store.appendEvent(migration.id(), type, data));
    }

    private void pause(String operation, StepContext ctx, PlannedStep step) {
        if (!settings.pausesAt(step.index()) || ctx.dryRun()) {
            return;
        }
        LOG.atWarn()
                .addKeyValue("operation", operation)
                .addKeyValue("migrationId", ctx.migration().id())
                .addKeyValue("step", step.index())
                .addKeyValue("kind", step.kind().wireName())
                .log(
                        "crash-test pause {} at step {} ({})",
                        operation,
                        step.index(),
                        step.kind().wireName());
        try {
            Thread.sleep(settings.crashTestPauseMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deployments with a migration in flight (their residents are the migration's business). */
    public boolean busy(DeploymentId id) {
        return store.unfinished().stream().anyMatch(m -> m.deployment().equals(id));
    }

    static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
