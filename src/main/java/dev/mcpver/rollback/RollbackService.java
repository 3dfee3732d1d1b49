package dev.mcpver.rollback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, verifies, restores and prunes rollback points. Every operation is recorded as an {@link Execution};
 * writes are audited by the stores. Thread-safe when its ports are.
 *
 * <pre>{@code
 * RollbackPoint point = rollback.create(id, "before 1.3.0", List.of("pre-migration"), null, who);
 * VerifyReport report = rollback.verify(point.id(), who);
 * RestoreOutcome outcome = rollback.restore(point.id(), who);   // switched; undo() until confirm()
 * }</pre>
 */
public final class RollbackService {
    private static final Logger LOG = LoggerFactory.getLogger(RollbackService.class);

    private final DeploymentStore deployments;
    private final RollbackStore store;
    private final ReleaseArea area;
    private final BlobStore blobs;
    private final ActivationListener listener;
    private final RetentionPolicy policy;
    private final Clock clock;
    private final Supplier<String> ids;

    @SuppressWarnings("TooManyParameters") // the ports of the engine, wired once by the composition root
    public RollbackService(
            DeploymentStore deployments,
            RollbackStore store,
            ReleaseArea area,
            BlobStore blobs,
            ActivationListener listener,
            RetentionPolicy policy,
            Clock clock,
            Supplier<String> ids) {
        this.deployments = deployments;
        this.store = store;
        this.area = area;
        this.blobs = blobs;
        this.listener = listener;
        this.policy = policy;
        this.clock = clock;
        this.ids = ids;
    }

    public RetentionPolicy policy() {
        return policy;
    }

    /** Snapshots the active release of a deployment with its deployment record. */
    public RollbackPoint create(
            DeploymentId id, String description, List<String> tags, @Nullable Duration ttl, Initiator who) {
        Deployment deployment = deployment(id);
        String dir = activeDir(deployment);
        String pointId = ids.get();
        String execId = begin(Execution.Kind.CREATE, pointId, id, who, Map.of("releaseDir", dir));
        try (BlobStore.Lock lock = blobs.lock(BlobStore.LockMode.ADD)) {
            Manifest manifest = area.capture(id, dir);
            Instant now = clock.instant();
            RollbackPoint point = new RollbackPoint(
                    pointId,
                    id,
                    deployment.state(),
                    manifest.hash(),
                    manifest.fileCount(),
                    manifest.totalBytes(),
                    description,
                    tags,
                    now,
                    now.plus(ttl == null ? policy.maxAge() : ttl));
            store.insert(point, manifest, who);
            finish(
                    execId,
                    Execution.Status.SUCCEEDED,
                    Map.of(
                            "releaseDir",
                            dir,
                            "files",
                            String.valueOf(manifest.fileCount()),
                            "bytes",
                            String.valueOf(manifest.totalBytes())));
            log("ROLLBACK_CREATE", point.id(), id);
            return point;
        } catch (RuntimeException e) {
            finish(execId, Execution.Status.FAILED, Map.of("cause", message(e)));
            throw e;
        }
    }

    public List<RollbackPoint> list(@Nullable DeploymentId id) {
        return store.list(id);
    }

    public RollbackPoint get(String pointId) {
        return store.find(pointId).orElseThrow(() -> RollbackException.notFound("no rollback point " + pointId));
    }

    public Manifest manifest(String pointId) {
        get(pointId);
        return store.manifest(pointId);
    }

    /** Re-hashes every blob of a point; reports missing and corrupted blobs by path. */
    public VerifyReport verify(String pointId, Initiator who) {
        RollbackPoint point = get(pointId);
        String execId = begin(Execution.Kind.VERIFY, pointId, point.deployment(), who, Map.of());
        Manifest manifest = store.manifest(pointId);
        List<FileProblem> problems;
        try (BlobStore.Lock lock = blobs.lock(BlobStore.LockMode.ADD)) {
            problems = check(manifest);
        }
        String hash = manifest.hash();
        VerifyReport report = new VerifyReport(
                pointId,
                hash,
                hash.equals(point.manifestHash()),
                manifest.blobs().size(),
                problems);
        finish(execId, report.ok() ? Execution.Status.SUCCEEDED : Execution.Status.FAILED, verifyDetail(report));
        return report;
    }

    private List<FileProblem> check(Manifest manifest) {
        Map<String, BlobStore.BlobState> seen = new HashMap<>();
        List<FileProblem> problems = new ArrayList<>();
        for (FileEntry file : manifest.files()) {
            if (!file.isFile()) {
                continue;
            }
            BlobStore.BlobState state = seen.computeIfAbsent(file.sha256(), sha -> blobs.check(sha, file.size()));
            if (state == BlobStore.BlobState.MISSING) {
                problems.add(new FileProblem(file.path(), file.sha256(), FileProblem.Kind.MISSING, "blob is missing"));
            } else if (state == BlobStore.BlobState.CORRUPTED) {
                problems.add(new FileProblem(
                        file.path(),
                        file.sha256(),
                        FileProblem.Kind.CORRUPTED,
                        "blob content no longer matches its SHA-256"));
            }
        }
        return problems;
    }

    private static Map<String, String> verifyDetail(VerifyReport report) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("checkedBlobs", String.valueOf(report.checkedFiles()));
        detail.put("manifestIntact", String.valueOf(report.manifestIntact()));
        detail.put("problems", String.valueOf(report.problems().size()));
        report.problems().stream()
                .limit(20)
                .forEach(p -> detail.put("problem:" + p.path(), p.kind().name()));
        return detail;
    }

    /**
     * Restores a point into a fresh release directory (every byte checked against its digest), then switches the
     * deployment to it atomically. The previous state stays on disk and can be switched back with {@link #undo}
     * until {@link #confirm}.
     */
    public RestoreOutcome restore(String pointId, Initiator who) {
        RollbackPoint point = get(pointId);
        Deployment before = deployment(point.deployment());
        String execId = ids.get();
        String dir = point.version() + "~restore-"
                + execId.substring(Math.max(0, execId.length() - 10)).toLowerCase(Locale.ROOT);
        begin(
                execId,
                Execution.Kind.RESTORE,
                pointId,
                point.deployment(),
                who,
                Map.of("releaseDir", dir, "fromRevision", String.valueOf(before.revision())));
        List<FileProblem> problems;
        try (BlobStore.Lock lock = blobs.lock(BlobStore.LockMode.ADD)) {
            problems = area.materialize(point.deployment(), dir, store.manifest(pointId));
        } catch (RuntimeException e) {
            area.remove(point.deployment(), dir);
            return refuse(execId, "restore failed: " + message(e), List.of());
        }
        if (!problems.isEmpty()) {
            return refuse(
                    execId,
                    problems.size() + " file(s) of the point cannot be trusted; nothing was switched",
                    problems);
        }
        return switchToRestored(execId, point, before, dir, who);
    }

    private RestoreOutcome switchToRestored(
            String execId, RollbackPoint point, Deployment before, String dir, Initiator who) {
        Deployment after;
        try {
            after = deployments.switchState(
                    point.deployment(),
                    before.revision(),
                    point.state().withRelease(point.version(), dir),
                    new SwitchCause("restore", execId),
                    who);
        } catch (RollbackException conflict) {
            area.remove(point.deployment(), dir);
            return refuse(execId, message(conflict), List.of());
        }
        activate(after);
        Execution done = finish(execId, Execution.Status.AWAITING_CONFIRMATION, restoredDetail(before, after));
        log("ROLLBACK_RESTORE", point.id(), point.deployment());
        return new RestoreOutcome.Restored(done, after, before.state());
    }

    private static Map<String, String> restoredDetail(Deployment before, Deployment after) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("releaseDir", String.valueOf(after.state().releaseDir()));
        detail.put("revision", String.valueOf(after.revision()));
        detail.put("previousVersion", String.valueOf(before.state().version()));
        detail.put("previousDir", String.valueOf(before.state().releaseDir()));
        return detail;
    }

    private RestoreOutcome refuse(String execId, String reason, List<FileProblem> problems) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("cause", reason);
        problems.stream()
                .limit(20)
                .forEach(p -> detail.put("problem:" + p.path(), p.kind().name()));
        Execution failed = finish(execId, Execution.Status.FAILED, detail);
        return new RestoreOutcome.Refused(failed, reason, problems);
    }

    /** Accepts a restore: the previous state is no longer offered for {@link #undo}. */
    public Execution confirm(String restoreId, Initiator who) {
        Execution restore = awaiting(restoreId);
        Execution confirmed = finish(restore.id(), Execution.Status.CONFIRMED, restore.detail());
        String execId = begin(
                Execution.Kind.CONFIRM, restore.pointId(), restore.deployment(), who, Map.of("restore", restoreId));
        finish(execId, Execution.Status.SUCCEEDED, Map.of("restore", restoreId));
        return confirmed;
    }

    /** Switches back to the state before an unconfirmed restore and removes the restored directory. */
    public Execution undo(String restoreId, Initiator who) {
        Execution restore = awaiting(restoreId);
        SwitchRecord restored = deployments
                .switchFor(new SwitchCause("restore", restoreId))
                .orElseThrow(() -> RollbackException.conflict("restore " + restoreId + " never switched"));
        Deployment current = deployment(restored.deployment());
        if (current.revision() != restored.revision()) {
            throw RollbackException.conflict("deployment " + current.id() + " was switched again after restore "
                    + restoreId + " (revision " + current.revision() + "); undo would discard that switch");
        }
        String execId =
                begin(Execution.Kind.UNDO, restore.pointId(), restore.deployment(), who, Map.of("restore", restoreId));
        Deployment after = deployments.switchState(
                current.id(), current.revision(), restored.before(), new SwitchCause("undo", restoreId), who);
        activate(after);
        String restoredDir = restored.after().releaseDir();
        if (restoredDir != null && !restoredDir.equals(after.state().releaseDir())) {
            area.remove(after.id(), restoredDir);
        }
        finish(execId, Execution.Status.SUCCEEDED, Map.of("restore", restoreId));
        return finish(restoreId, Execution.Status.UNDONE, restore.detail());
    }

    private Execution awaiting(String restoreId) {
        Execution restore = store.execution(restoreId)
                .filter(e -> e.kind() == Execution.Kind.RESTORE)
                .orElseThrow(() -> RollbackException.notFound("no restore " + restoreId));
        if (restore.status() != Execution.Status.AWAITING_CONFIRMATION) {
            throw RollbackException.conflict(
                    "restore " + restoreId + " is " + restore.status().wireName() + ", not awaiting confirmation");
        }
        return restore;
    }

    /** Applies the retention policy, then deletes blobs no remaining point references. */
    public PruneReport prune(@Nullable DeploymentId only, boolean dryRun, Initiator who) {
        List<RetentionPolicy.Removal> removals =
                policy.removals(store.list(only), clock.instant(), store.pinnedPoints());
        List<PruneReport.Removed> removed = removals.stream()
                .map(r -> new PruneReport.Removed(
                        r.point().id(), r.point().deployment(), r.point().version(), r.reason()))
                .toList();
        if (dryRun) {
            return new PruneReport(true, removed, 0, 0);
        }
        String execId = begin(Execution.Kind.PRUNE, null, only, who, Map.of());
        removals.forEach(r -> store.delete(r.point().id(), r.reason(), who));
        long[] collected = collectGarbage();
        finish(
                execId,
                Execution.Status.SUCCEEDED,
                Map.of(
                        "removedPoints",
                        String.valueOf(removed.size()),
                        "blobsDeleted",
                        String.valueOf(collected[0]),
                        "bytesFreed",
                        String.valueOf(collected[1])));
        return new PruneReport(false, removed, (int) collected[0], collected[1]);
    }

    /** Deletes blobs that no point references; returns {count, bytes}. */
    private long[] collectGarbage() {
        long count = 0;
        long bytes = 0;
        try (BlobStore.Lock lock = blobs.lock(BlobStore.LockMode.COLLECT)) {
            Set<String> referenced = store.referencedBlobs();
            for (String sha : blobs.list()) {
                if (!referenced.contains(sha)) {
                    bytes += blobs.delete(sha);
                    count++;
                }
            }
        }
        return new long[] {count, bytes};
    }

    public List<Execution> history(@Nullable DeploymentId id, @Nullable String pointId, int limit) {
        return store.executions(id, pointId, limit);
    }

    public Optional<Execution> execution(String id) {
        return store.execution(id);
    }

    /**
     * After a restart: finishes executions a crash interrupted. A restore whose switch committed awaits
     * confirmation; one that did not switch is failed and its partial directory removed. Then every
     * {@code current} link is set to the stored pointer (the pointer row is the truth).
     */
    public void recover() {
        for (Execution running : store.running()) {
            if (running.kind() == Execution.Kind.RESTORE) {
                recoverRestore(running);
            } else {
                finish(running.id(), Execution.Status.FAILED, Map.of("cause", "interrupted by a restart"));
            }
        }
        deployments.list().forEach(this::relink);
    }

    private void recoverRestore(Execution running) {
        DeploymentId id = java.util.Objects.requireNonNull(running.deployment());
        Optional<SwitchRecord> switched = deployments.switchFor(new SwitchCause("restore", running.id()));
        if (switched.isPresent()) {
            Map<String, String> detail = new LinkedHashMap<>(running.detail());
            detail.put("recovered", "the switch had committed before the restart");
            finish(running.id(), Execution.Status.AWAITING_CONFIRMATION, detail);
            return;
        }
        String dir = running.detail().get("releaseDir");
        Optional<Deployment> deployment = deployments.find(id);
        if (dir != null
                && deployment.isPresent()
                && !dir.equals(deployment.get().state().releaseDir())) {
            area.remove(id, dir);
        }
        finish(
                running.id(),
                Execution.Status.FAILED,
                Map.of("cause", "interrupted before the switch; nothing changed"));
    }

    /** Makes {@code current} agree with the pointer row. */
    public void relink(Deployment deployment) {
        String dir = deployment.state().releaseDir();
        if (dir != null && !area.currentLink(deployment.id()).equals(Optional.of(dir))) {
            area.linkCurrent(deployment.id(), dir);
        }
    }

    private void activate(Deployment deployment) {
        relink(deployment);
        listener.activated(deployment);
    }

    private Deployment deployment(DeploymentId id) {
        return deployments.find(id).orElseThrow(() -> RollbackException.notFound("no deployment " + id));
    }

    private static String activeDir(Deployment deployment) {
        String dir = deployment.state().releaseDir();
        if (dir == null) {
            throw RollbackException.conflict("deployment " + deployment.id() + " has no active release to snapshot");
        }
        return dir;
    }

    private String begin(
            Execution.Kind kind,
            @Nullable String pointId,
            @Nullable DeploymentId id,
            Initiator who,
            Map<String, String> detail) {
        String execId = ids.get();
        begin(execId, kind, pointId, id, who, detail);
        return execId;
    }

    private void begin(
            String execId,
            Execution.Kind kind,
            @Nullable String pointId,
            @Nullable DeploymentId id,
            Initiator who,
            Map<String, String> detail) {
        store.startExecution(
                new Execution(execId, kind, Execution.Status.RUNNING, pointId, id, who, clock.instant(), null, detail));
    }

    private Execution finish(String execId, Execution.Status status, Map<String, String> detail) {
        return store.finishExecution(execId, status, detail);
    }

    private static void log(String operation, String pointId, DeploymentId id) {
        LOG.atInfo()
                .addKeyValue("operation", operation)
                .addKeyValue("pointId", pointId)
                .addKeyValue("deployment", id.toString())
                .log("{} {} for {}", operation, pointId, id);
    }

    static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
