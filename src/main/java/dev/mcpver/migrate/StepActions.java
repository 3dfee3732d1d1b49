package dev.mcpver.migrate;

import dev.mcpver.rollback.ArtifactRef;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentService;
import dev.mcpver.rollback.DeploymentState;
import dev.mcpver.rollback.Execution;
import dev.mcpver.rollback.InstalledRelease;
import dev.mcpver.rollback.LaunchSpec;
import dev.mcpver.rollback.RestoreOutcome;
import dev.mcpver.rollback.RollbackPoint;
import dev.mcpver.rollback.RollbackService;
import dev.mcpver.rollback.SwitchCause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What each step does, through the engine's ports. Every action returns the effects it records, or throws
 * {@link StepFailure} naming what is wrong. Actions are safe to run again after a crash: they either check state
 * before changing it or are replaced by the rollback path.
 */
final class StepActions {
    private final MigrationStore store;
    private final DeploymentService deployments;
    private final RollbackService rollback;
    private final ServerControl servers;
    private final SurfaceProbe probe;
    private final CompatibilityCheck compat;
    private final HostCheck host;
    private final ExecutorSettings settings;

    @SuppressWarnings("TooManyParameters") // the ports, wired once by the executor
    StepActions(
            MigrationStore store,
            DeploymentService deployments,
            RollbackService rollback,
            ServerControl servers,
            SurfaceProbe probe,
            CompatibilityCheck compat,
            HostCheck host,
            ExecutorSettings settings) {
        this.store = store;
        this.deployments = deployments;
        this.rollback = rollback;
        this.servers = servers;
        this.probe = probe;
        this.compat = compat;
        this.host = host;
        this.settings = settings;
    }

    Map<String, String> run(StepKind kind, StepContext ctx, Duration timeout) {
        return switch (kind) {
            case SNAPSHOT_SOURCE -> snapshotSource(ctx, timeout);
            case COMPAT_ANALYSIS -> compatAnalysis(ctx);
            case CREATE_ROLLBACK_POINT -> createRollbackPoint(ctx);
            case VALIDATE_ENVIRONMENT -> validateEnvironment(ctx);
            case INSTALL_TARGET -> installTarget(ctx);
            case TRANSFORM_CONFIG -> transformConfig(ctx);
            case START_TARGET -> startTarget(ctx);
            case HANDSHAKE -> handshake(ctx, timeout);
            case SNAPSHOT_COMPARE -> snapshotCompare(ctx);
            case SMOKE_CALLS -> smokeCalls(ctx, candidate(ctx), timeout, Long.MAX_VALUE);
            case SWITCH -> switchDeployment(ctx);
            case STOP_OLD -> stopOld(ctx);
            case HEALTH_PROBE -> healthProbe(ctx, timeout);
            case SMOKE_LATENCY ->
                smokeCalls(
                        ctx,
                        ctx.dryRun() ? candidate(ctx) : active(ctx),
                        timeout,
                        ctx.plan.options().smokeLatencyThresholdMs());
            case CLEANUP -> cleanup(ctx);
            case STOP_TARGET -> stopTarget(ctx);
            case RESTORE_POINT -> restorePoint(ctx);
            case VERIFY_OLD -> verifyOld(ctx, timeout);
        };
    }

    private DeploymentId id(StepContext ctx) {
        return ctx.plan.deployment();
    }

    // --- pre-migration ---------------------------------------------------------------------------------------

    private Map<String, String> snapshotSource(StepContext ctx, Duration timeout) {
        String dir = Objects.requireNonNull(ctx.plan.source().releaseDir());
        Held held = serving(ctx, dir, ctx.plan.source());
        try {
            ServerSurface surface = probe.snapshot(held.handle(), timeout);
            store.saveArtifact(ctx.migration().id(), "source", surface);
            return surfaceEffects(surface);
        } finally {
            held.release();
        }
    }

    private Map<String, String> compatAnalysis(StepContext ctx) {
        ServerSurface registered = ctx.plan.target().surface();
        if (registered == null) {
            return Map.of("skipped", "no registered surface for " + ctx.plan.toVersion());
        }
        ServerSurface source = artifact(ctx, "source");
        CompatSummary report = compat.analyze(source, registered);
        store.saveArtifact(ctx.migration().id(), "compat", report);
        if (report.breaking() > 0 && !ctx.plan.options().allowBreaking()) {
            throw new StepFailure(report.breaking() + " breaking change(s) for clients: " + firstBreaking(report)
                    + "; plan again with allowBreaking to proceed (the migration guide lists the client edits)");
        }
        Map<String, String> effects = new LinkedHashMap<>();
        effects.put("requiredBump", report.requiredBump());
        effects.put("breaking", String.valueOf(report.breaking()));
        effects.put("findings", String.valueOf(report.findings().size()));
        effects.put("renames", String.valueOf(report.renames().size()));
        return effects;
    }

    private static String firstBreaking(CompatSummary report) {
        return String.join(
                "; ",
                report.findings().stream()
                        .filter(f -> f.level() == CompatFinding.Level.BREAKING)
                        .limit(3)
                        .map(CompatFinding::message)
                        .toList());
    }

    private Map<String, String> createRollbackPoint(StepContext ctx) {
        RollbackPoint point = rollback.create(
                id(ctx),
                "before migration to " + ctx.plan.toVersion(),
                List.of("pre-migration", "migration:" + ctx.migration().id()),
                null,
                ctx.who);
        Migration updated = ctx.migration().withRollbackPoint(point.id());
        store.update(updated);
        ctx.migration(updated);
        return Map.of(
                "pointId",
                point.id(),
                "files",
                String.valueOf(point.fileCount()),
                "bytes",
                String.valueOf(point.totalBytes()),
                "manifestHash",
                point.manifestHash());
    }

    private Map<String, String> validateEnvironment(StepContext ctx) {
        ConfigTransform.Result transformed = transform(ctx);
        List<String> problems = new ArrayList<>();
        for (String missing : transformed.missing()) {
            problems.add("the target needs " + missing + renamedHint(ctx, missing)
                    + ": set it in the plan's configSet or configRenames");
        }
        transformed.config().stream()
                .filter(e -> e.holdsSecret() && !host.secretResolvable(Objects.requireNonNull(e.secretRef())))
                .forEach(e -> problems.add("secret " + e.secretRef() + " for " + e.name() + " does not resolve"));
        String command = MigrationPlanner.targetLaunch(ctx.plan).command();
        if (!command.contains("${") && !host.commandAvailable(command)) {
            problems.add("launch command " + command + " is not installed");
        }
        if (ctx.plan.target().artifact().kind() == ArtifactRef.Kind.NPM && !host.commandAvailable("npm")) {
            problems.add("the artifact is an npm package and npm is not installed");
        }
        if (!problems.isEmpty()) {
            throw new StepFailure(String.join("; ", problems));
        }
        return Map.of(
                "variables",
                String.valueOf(transformed.config().size()),
                "notes",
                String.join("; ", transformed.notes()));
    }

    private static String renamedHint(StepContext ctx, String name) {
        return ctx.plan.target().requiredEnv().stream()
                .filter(r -> r.name().equals(name) && r.renamedFrom() != null)
                .map(r -> " (it replaces " + r.renamedFrom() + ", which this deployment does not set either)")
                .findFirst()
                .orElse("");
    }

    // --- migration ---------------------------------------------------------------------------------------------

    private Map<String, String> installTarget(StepContext ctx) {
        String version = ctx.plan.toVersion();
        ArtifactRef artifact = ctx.plan.target().artifact();
        boolean signed = ctx.plan.options().requireSignature();
        InstalledRelease installed = ctx.dryRun()
                ? deployments.installScratch(id(ctx), version, scratchDir(ctx), artifact, signed)
                : deployments.ensureInstalled(id(ctx), version, artifact, signed, ctx.who);
        return Map.of(
                "releaseDir",
                installed.releaseDir(),
                "manifestHash",
                installed.manifestHash(),
                "artifactSha256",
                installed.artifactSha256(),
                "signature",
                installed.signature().status().name().toLowerCase(Locale.ROOT));
    }

    static String scratchDir(StepContext ctx) {
        String id = ctx.migration().id();
        return ctx.plan.toVersion() + "~dryrun-"
                + id.substring(Math.max(0, id.length() - 10)).toLowerCase(Locale.ROOT);
    }

    private Map<String, String> transformConfig(StepContext ctx) {
        ConfigTransform.Result transformed = transform(ctx);
        return Map.of(
                "variables",
                String.join(
                        ",", transformed.config().stream().map(e -> e.name()).toList()),
                "notes",
                String.join("; ", transformed.notes()));
    }

    static ConfigTransform.Result transform(StepContext ctx) {
        return ConfigTransform.apply(
                ctx.plan.source().config(), ctx.plan.target().requiredEnv(), ctx.plan.options());
    }

    private Map<String, String> startTarget(StepContext ctx) {
        String dir = ctx.effect(StepKind.INSTALL_TARGET, "releaseDir");
        ServerHandle handle = servers.start(
                id(ctx),
                ServerHandle.Role.CANDIDATE,
                dir,
                MigrationPlanner.targetLaunch(ctx.plan),
                transform(ctx).config());
        return handleEffects(handle);
    }

    private Map<String, String> handshake(StepContext ctx, Duration timeout) {
        ServerSurface surface = probe.snapshot(candidate(ctx), timeout);
        store.saveArtifact(ctx.migration().id(), "target", surface);
        return surfaceEffects(surface);
    }

    private Map<String, String> snapshotCompare(StepContext ctx) {
        ServerSurface registered = ctx.plan.target().surface();
        if (registered == null) {
            return Map.of("skipped", "no registered surface for " + ctx.plan.toVersion());
        }
        List<String> differences = registered.differencesFrom(artifact(ctx, "target"));
        if (!differences.isEmpty()) {
            throw new StepFailure(
                    "the started target does not offer its registered surface: " + String.join("; ", differences));
        }
        return Map.of("surfaceHash", registered.contractHash(), "matches", "true");
    }

    private Map<String, String> smokeCalls(StepContext ctx, ServerHandle server, Duration timeout, long thresholdMs) {
        Map<String, String> effects = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        long max = 0;
        for (SmokeCall call : ctx.plan.smokeCalls()) {
            SmokeResult result = probe.call(server, call, timeout);
            max = Math.max(max, result.latencyMs());
            effects.put("latencyMs:" + call.tool(), String.valueOf(result.latencyMs()));
            result.failures().forEach(f -> failures.add(call.tool() + ": " + f));
            if (result.latencyMs() > thresholdMs) {
                failures.add(call.tool() + " took " + result.latencyMs() + " ms, above the " + thresholdMs
                        + " ms threshold");
            }
        }
        if (!failures.isEmpty()) {
            throw new StepFailure("smoke call " + String.join("; ", failures));
        }
        effects.put("calls", String.valueOf(ctx.plan.smokeCalls().size()));
        effects.put("maxLatencyMs", String.valueOf(max));
        return effects;
    }

    private Map<String, String> switchDeployment(StepContext ctx) {
        Deployment current = deployments.get(id(ctx));
        if (current.revision() != ctx.plan.sourceRevision()) {
            throw new StepFailure("deployment " + current.id() + " was switched since planning (revision "
                    + ctx.plan.sourceRevision() + " -> " + current.revision() + "): plan again");
        }
        String dir = ctx.effect(StepKind.INSTALL_TARGET, "releaseDir");
        DeploymentState next = ctx.plan
                .source()
                .withRelease(ctx.plan.toVersion(), dir)
                .withConfig(transform(ctx).config())
                .withLaunch(MigrationPlanner.targetLaunch(ctx.plan));
        Deployment switched = deployments.switchTo(current, next, migrationCause(ctx), ctx.who);
        return Map.of("revision", String.valueOf(switched.revision()), "releaseDir", dir);
    }

    static SwitchCause migrationCause(StepContext ctx) {
        return new SwitchCause("migration", ctx.migration().id());
    }

    private Map<String, String> stopOld(StepContext ctx) {
        if (ctx.plan.options().keepOldRunning()) {
            return Map.of("old", "kept running (blue-green)");
        }
        if (!settings.residentMode()) {
            return Map.of("old", "not supervised by this process");
        }
        Optional<ServerHandle> old = servers.running(id(ctx), ServerHandle.Role.RESIDENT);
        ServerHandle resident = servers.promote(id(ctx));
        return Map.of(
                "stoppedPid",
                old.map(h -> String.valueOf(h.pid())).orElse("none"),
                "residentPid",
                String.valueOf(resident.pid()));
    }

    // --- post-migration ----------------------------------------------------------------------------------------

    private Map<String, String> healthProbe(StepContext ctx, Duration timeout) {
        Deployment current = deployments.get(id(ctx));
        if (!ctx.plan.toVersion().equals(current.state().version())) {
            throw new StepFailure("the deployment runs " + current.state().version() + ", not " + ctx.plan.toVersion());
        }
        ServerSurface surface = probe.snapshot(active(ctx), timeout);
        String expected = artifact(ctx, "target").contractHash();
        if (!surface.contractHash().equals(expected)) {
            throw new StepFailure("the switched deployment answers with another surface than the validated target");
        }
        return surfaceEffects(surface);
    }

    private Map<String, String> cleanup(StepContext ctx) {
        if (ctx.dryRun()) {
            servers.stop(id(ctx), ServerHandle.Role.CANDIDATE);
            deployments.area().remove(id(ctx), scratchDir(ctx));
            return Map.of("removed", scratchDir(ctx));
        }
        if (!settings.residentMode()) {
            servers.stop(id(ctx), ServerHandle.Role.CANDIDATE);
        }
        Deployment current = deployments.get(id(ctx));
        List<String> dirs = new ArrayList<>(deployments.area().releaseDirs(id(ctx)));
        dirs.remove(current.state().releaseDir());
        dirs.remove(ctx.plan.source().releaseDir());
        int keepOthers = Math.max(0, ctx.plan.options().keepReleases() - 2);
        List<String> removed = new ArrayList<>();
        for (String dir : dirs.subList(0, Math.max(0, dirs.size() - keepOthers))) {
            deployments.removeRelease(id(ctx), dir);
            removed.add(dir);
        }
        return Map.of("removed", String.join(",", removed));
    }

    // --- rollback ----------------------------------------------------------------------------------------------

    private Map<String, String> stopTarget(StepContext ctx) {
        Optional<ServerHandle> candidate = servers.running(id(ctx), ServerHandle.Role.CANDIDATE);
        servers.stop(id(ctx), ServerHandle.Role.CANDIDATE);
        return Map.of("stoppedPid", candidate.map(h -> String.valueOf(h.pid())).orElse("none"));
    }

    private Map<String, String> restorePoint(StepContext ctx) {
        Deployment current = deployments.get(id(ctx));
        boolean switched = deployments.switchFor(migrationCause(ctx)).isPresent();
        if (!switched) {
            return Map.of("restored", "false", "reason", "the deployment was never switched to the target");
        }
        if (ctx.plan.fromVersion().equals(current.state().version())) {
            confirmPendingRestores(ctx);
            return Map.of(
                    "restored",
                    "already",
                    "releaseDir",
                    String.valueOf(current.state().releaseDir()));
        }
        String pointId = ctx.migration().rollbackPointId();
        if (pointId == null) {
            throw new StepFailure("the deployment was switched but no rollback point was recorded");
        }
        RestoreOutcome outcome = rollback.restore(pointId, ctx.who);
        if (outcome instanceof RestoreOutcome.Refused refused) {
            throw new StepFailure("restore of " + pointId + " refused: " + refused.reason());
        }
        RestoreOutcome.Restored restored = (RestoreOutcome.Restored) outcome;
        rollback.confirm(restored.execution().id(), ctx.who);
        return Map.of(
                "restored",
                "true",
                "pointId",
                pointId,
                "restoreExecution",
                restored.execution().id(),
                "releaseDir",
                String.valueOf(restored.deployment().state().releaseDir()));
    }

    /** After a crash inside a restore: the restore switched, so it only needs confirming. */
    private void confirmPendingRestores(StepContext ctx) {
        String pointId = ctx.migration().rollbackPointId();
        if (pointId == null) {
            return;
        }
        rollback.history(id(ctx), pointId, 20).stream()
                .filter(e -> e.kind() == Execution.Kind.RESTORE && e.status() == Execution.Status.AWAITING_CONFIRMATION)
                .forEach(e -> rollback.confirm(e.id(), ctx.who));
    }

    private Map<String, String> verifyOld(StepContext ctx, Duration timeout) {
        Deployment current = deployments.get(id(ctx));
        if (!ctx.plan.fromVersion().equals(current.state().version())) {
            throw new StepFailure(
                    "the deployment runs " + current.state().version() + ", not " + ctx.plan.fromVersion());
        }
        Held held = serving(ctx, Objects.requireNonNull(current.state().releaseDir()), current.state());
        try {
            ServerSurface surface = probe.snapshot(held.handle(), timeout);
            Optional<ServerSurface> before = store.artifact(ctx.migration().id(), "source", ServerSurface.class);
            List<String> differences =
                    before.map(b -> b.differencesFrom(surface)).orElse(List.of());
            if (!differences.isEmpty()) {
                throw new StepFailure("the restored version answers with another surface than before: "
                        + String.join("; ", differences));
            }
            Map<String, String> effects = new LinkedHashMap<>(surfaceEffects(surface));
            effects.put("comparedWithSource", String.valueOf(before.isPresent()));
            return effects;
        } finally {
            held.release();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** A running server to talk to, and whether it was started only for this step. */
    private record Held(ServerHandle handle, Runnable release) {}

    /**
     * The server serving a release: the resident (started if needed) in resident mode; otherwise a temporary
     * candidate stopped after use.
     */
    private Held serving(StepContext ctx, String dir, DeploymentState state) {
        DeploymentId id = id(ctx);
        LaunchSpec launch = state.launch();
        if (settings.residentMode()) {
            Optional<ServerHandle> resident = servers.running(id, ServerHandle.Role.RESIDENT)
                    .filter(h -> h.releaseDir().equals(dir));
            ServerHandle handle = resident.orElseGet(
                    () -> servers.start(id, ServerHandle.Role.RESIDENT, dir, launch, state.config()));
            return new Held(handle, () -> {});
        }
        ServerHandle temporary = servers.start(id, ServerHandle.Role.CANDIDATE, dir, launch, state.config());
        return new Held(temporary, () -> servers.stop(id, ServerHandle.Role.CANDIDATE));
    }

    private ServerHandle candidate(StepContext ctx) {
        return servers.running(id(ctx), ServerHandle.Role.CANDIDATE)
                .orElseThrow(() -> new StepFailure("the target process is not running (it exited)"));
    }

    /** The process serving the deployment's active release (the promoted resident, or the candidate). */
    private ServerHandle active(StepContext ctx) {
        String dir = deployments.get(id(ctx)).state().releaseDir();
        for (ServerHandle.Role role : ServerHandle.Role.values()) {
            Optional<ServerHandle> handle =
                    servers.running(id(ctx), role).filter(h -> h.releaseDir().equals(dir));
            if (handle.isPresent()) {
                return handle.get();
            }
        }
        throw new StepFailure("no process serves the active release " + dir);
    }

    private ServerSurface artifact(StepContext ctx, String name) {
        return store.artifact(ctx.migration().id(), name, ServerSurface.class)
                .orElseThrow(() -> new StepFailure("no " + name + " surface was recorded"));
    }

    private static Map<String, String> surfaceEffects(ServerSurface surface) {
        Map<String, String> effects = new LinkedHashMap<>();
        effects.put("serverName", surface.serverName());
        effects.put("serverVersion", surface.serverVersion());
        effects.put("protocolVersion", String.valueOf(surface.protocolVersion()));
        effects.put("tools", String.valueOf(surface.tools().size()));
        effects.put("surfaceHash", surface.contractHash());
        return effects;
    }

    private static Map<String, String> handleEffects(ServerHandle handle) {
        Map<String, String> effects = new LinkedHashMap<>();
        effects.put("processId", handle.id());
        effects.put("pid", String.valueOf(handle.pid()));
        effects.put("releaseDir", handle.releaseDir());
        if (handle.url() != null) {
            effects.put("url", handle.url());
        }
        return effects;
    }
}
