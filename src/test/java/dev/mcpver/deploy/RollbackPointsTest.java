package dev.mcpver.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpver.rollback.ActivationListener;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.Execution;
import dev.mcpver.rollback.FileEntry;
import dev.mcpver.rollback.FileProblem;
import dev.mcpver.rollback.Manifest;
import dev.mcpver.rollback.PruneReport;
import dev.mcpver.rollback.RestoreOutcome;
import dev.mcpver.rollback.RetentionPolicy;
import dev.mcpver.rollback.RollbackException;
import dev.mcpver.rollback.RollbackPoint;
import dev.mcpver.rollback.VerifyReport;
import dev.mcpver.testing.ReleaseTrees;
import dev.mcpver.testing.RollbackTestbed;
import dev.mcpver.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollback points end to end: real SQLite, real files under a temporary MCPVER_HOME. */
class RollbackPointsTest {
    private static final DeploymentId ID = new DeploymentId("files", "staging");
    private static final Map<String, String> V1 = Map.of(
            "index.js", "console.log('v1')",
            "lib/util.js", "exports.x = 1",
            "lib/copy.js", "exports.x = 1",
            "README.md", "hello");

    @TempDir
    Path temp;

    RollbackTestbed bed;
    final List<Deployment> activations = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ActivationListener listener = activations::add;
        bed = new RollbackTestbed(
                TestDatabases.sqlite(temp.resolve("db")),
                temp.resolve("home"),
                Clock.systemUTC(),
                new RetentionPolicy(2, Duration.ofDays(30)),
                listener);
        bed.deploy(ID, "1.0.0", V1);
    }

    @Test
    void should_store_each_distinct_content_once_when_creating_points() throws Exception {
        RollbackPoint first = bed.rollback.create(ID, "first", List.of("manual"), null, RollbackTestbed.WHO);
        RollbackPoint second = bed.rollback.create(ID, "second", List.of(), null, RollbackTestbed.WHO);

        assertThat(first.fileCount()).isEqualTo(4);
        assertThat(first.manifestHash()).isEqualTo(second.manifestHash());
        // util.js and copy.js have the same content: three blobs for four files, shared by both points
        assertThat(bed.blobs.list()).hasSize(3);
        assertThat(first.state().version()).isEqualTo("1.0.0");
        assertThat(first.expiresAt()).isAfter(first.createdAt());
    }

    @Test
    void should_verify_a_point_and_report_corrupted_and_missing_blobs_by_path() throws Exception {
        RollbackPoint point = bed.rollback.create(ID, "", List.of(), null, RollbackTestbed.WHO);
        assertThat(bed.rollback.verify(point.id(), RollbackTestbed.WHO).ok()).isTrue();

        Manifest manifest = bed.rollback.manifest(point.id());
        FileEntry index = entry(manifest, "index.js");
        FileEntry readme = entry(manifest, "README.md");
        bed.corrupt(index.sha256());
        Files.delete(bed.blobPath(readme.sha256()));

        VerifyReport report = bed.rollback.verify(point.id(), RollbackTestbed.WHO);
        assertThat(report.ok()).isFalse();
        assertThat(report.problems())
                .extracting(FileProblem::path, FileProblem::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("index.js", FileProblem.Kind.CORRUPTED),
                        org.assertj.core.groups.Tuple.tuple("README.md", FileProblem.Kind.MISSING));
        assertThat(bed.rollback.history(ID, point.id(), 10))
                .extracting(Execution::kind, Execution::status)
                .startsWith(org.assertj.core.groups.Tuple.tuple(Execution.Kind.VERIFY, Execution.Status.FAILED));
    }

    @Test
    void should_refuse_to_restore_a_point_with_a_corrupted_blob_and_leave_the_deployment_alone() throws Exception {
        RollbackPoint point = bed.rollback.create(ID, "", List.of(), null, RollbackTestbed.WHO);
        bed.deploy(ID, "2.0.0", Map.of("index.js", "console.log('v2')"));
        bed.corrupt(entry(bed.rollback.manifest(point.id()), "lib/util.js").sha256());

        RestoreOutcome outcome = bed.rollback.restore(point.id(), RollbackTestbed.WHO);

        assertThat(outcome).isInstanceOf(RestoreOutcome.Refused.class);
        assertThat(((RestoreOutcome.Refused) outcome).problems())
                .extracting(FileProblem::path)
                .contains("lib/util.js", "lib/copy.js");
        assertThat(bed.deployments.find(ID).orElseThrow().state().version()).isEqualTo("2.0.0");
        assertThat(bed.area.releaseDirs(ID)).containsExactlyInAnyOrder("1.0.0", "2.0.0");
        assertThat(Files.list(bed.layout.staging(ID))).isEmpty();
        assertThat(outcome.execution().status()).isEqualTo(Execution.Status.FAILED);
    }

    @Test
    void should_restore_into_a_fresh_directory_switch_atomically_and_undo_until_confirmed() throws Exception {
        RollbackPoint point = bed.rollback.create(ID, "", List.of(), null, RollbackTestbed.WHO);
        bed.deploy(ID, "2.0.0", Map.of("index.js", "console.log('v2')"));
        Files.writeString(bed.layout.release(ID, "1.0.0").resolve("index.js"), "damaged in place");

        RestoreOutcome.Restored restored =
                (RestoreOutcome.Restored) bed.rollback.restore(point.id(), RollbackTestbed.WHO);

        String dir = restored.deployment().state().releaseDir();
        assertThat(dir).startsWith("1.0.0~restore-");
        assertThat(restored.deployment().state().version()).isEqualTo("1.0.0");
        assertThat(bed.area.currentLink(ID)).contains(dir);
        assertThat(ReleaseTrees.read(bed.layout.current(ID).resolve("index.js")))
                .isEqualTo("console.log('v1')");
        assertThat(activations).extracting(d -> d.state().releaseDir()).containsExactly(dir);
        assertThat(restored.execution().status()).isEqualTo(Execution.Status.AWAITING_CONFIRMATION);

        Execution undone = bed.rollback.undo(restored.execution().id(), RollbackTestbed.WHO);

        assertThat(undone.status()).isEqualTo(Execution.Status.UNDONE);
        assertThat(bed.deployments.find(ID).orElseThrow().state().version()).isEqualTo("2.0.0");
        assertThat(bed.area.currentLink(ID)).contains("2.0.0");
        assertThat(bed.area.exists(ID, dir)).isFalse();
        assertThatThrownBy(() -> bed.rollback.confirm(restored.execution().id(), RollbackTestbed.WHO))
                .isInstanceOf(RollbackException.class)
                .hasMessageContaining("undone");
    }

    @Test
    void should_no_longer_offer_undo_once_a_restore_is_confirmed() {
        RollbackPoint point = bed.rollback.create(ID, "", List.of(), null, RollbackTestbed.WHO);
        bed.deploy(ID, "2.0.0", Map.of("index.js", "v2"));
        RestoreOutcome.Restored restored =
                (RestoreOutcome.Restored) bed.rollback.restore(point.id(), RollbackTestbed.WHO);

        assertThat(bed.rollback
                        .confirm(restored.execution().id(), RollbackTestbed.WHO)
                        .status())
                .isEqualTo(Execution.Status.CONFIRMED);
        assertThatThrownBy(() -> bed.rollback.undo(restored.execution().id(), RollbackTestbed.WHO))
                .isInstanceOf(RollbackException.class)
                .hasMessageContaining("not awaiting confirmation");
    }

    @Test
    void should_keep_the_newest_points_and_collect_only_unreferenced_blobs_when_pruning() throws Exception {
        RollbackPoint oldest = bed.rollback.create(ID, "v1", List.of(), null, RollbackTestbed.WHO);
        bed.deploy(ID, "2.0.0", Map.of("index.js", "v2 only", "README.md", "hello"));
        RollbackPoint middle = bed.rollback.create(ID, "v2", List.of(), null, RollbackTestbed.WHO);
        RollbackPoint newest = bed.rollback.create(ID, "v2 again", List.of(), null, RollbackTestbed.WHO);

        PruneReport dry = bed.rollback.prune(ID, true, RollbackTestbed.WHO);
        assertThat(dry.removed()).extracting(PruneReport.Removed::pointId).containsExactly(oldest.id());
        assertThat(bed.rollback.list(ID)).hasSize(3);

        PruneReport report = bed.rollback.prune(ID, false, RollbackTestbed.WHO);

        assertThat(bed.rollback.list(ID)).extracting(RollbackPoint::id).containsExactly(newest.id(), middle.id());
        // v1's index.js and lib/*.js blobs go; README.md ("hello") is still referenced by the v2 points
        assertThat(report.blobsDeleted()).isEqualTo(2);
        assertThat(bed.rollback.verify(newest.id(), RollbackTestbed.WHO).ok()).isTrue();
    }

    @Test
    void should_prune_expired_points_even_below_the_count_limit() {
        RollbackPoint shortLived = bed.rollback.create(ID, "", List.of(), Duration.ofMillis(1), RollbackTestbed.WHO);
        RollbackPoint kept = bed.rollback.create(ID, "", List.of(), null, RollbackTestbed.WHO);
        sleep(5);

        PruneReport report = bed.rollback.prune(null, false, RollbackTestbed.WHO);

        assertThat(report.removed()).extracting(PruneReport.Removed::pointId).containsExactly(shortLived.id());
        assertThat(report.removed().get(0).reason()).startsWith("expired");
        assertThat(bed.rollback.list(ID)).extracting(RollbackPoint::id).containsExactly(kept.id());
    }

    @Test
    void should_restore_symbolic_links_and_the_executable_bit() throws Exception {
        Path release = bed.layout.release(ID, "1.0.0");
        Files.createDirectories(release.resolve("node_modules/.bin"));
        Files.createSymbolicLink(release.resolve("node_modules/.bin/run"), Path.of("../../index.js"));
        release.resolve("index.js").toFile().setExecutable(true);
        RollbackPoint point = bed.rollback.create(ID, "", List.of(), null, RollbackTestbed.WHO);

        RestoreOutcome.Restored restored =
                (RestoreOutcome.Restored) bed.rollback.restore(point.id(), RollbackTestbed.WHO);

        Path dir = bed.layout.release(ID, restored.deployment().state().releaseDir());
        assertThat(Files.readSymbolicLink(dir.resolve("node_modules/.bin/run"))).isEqualTo(Path.of("../../index.js"));
        assertThat(Files.isExecutable(dir.resolve("index.js"))).isTrue();
        assertThat(Files.isExecutable(dir.resolve("README.md"))).isFalse();
        assertThat(bed.area
                        .capture(ID, restored.deployment().state().releaseDir())
                        .hash())
                .isEqualTo(point.manifestHash());
    }

    @Test
    void should_refuse_to_snapshot_a_release_with_a_link_leaving_it() throws Exception {
        Files.createSymbolicLink(bed.layout.release(ID, "1.0.0").resolve("escape"), Path.of("/etc/passwd"));

        assertThatThrownBy(() -> bed.rollback.create(ID, "", List.of(), null, RollbackTestbed.WHO))
                .hasMessageContaining("points outside the release");
        assertThat(bed.rollback.history(ID, null, 1))
                .extracting(Execution::status)
                .containsExactly(Execution.Status.FAILED);
    }

    @Test
    void should_finish_an_interrupted_restore_according_to_whether_its_switch_committed() {
        RollbackPoint point = bed.rollback.create(ID, "", List.of(), null, RollbackTestbed.WHO);
        bed.points.startExecution(new Execution(
                "01INTERRUPTED0000000000000",
                Execution.Kind.RESTORE,
                Execution.Status.RUNNING,
                point.id(),
                ID,
                RollbackTestbed.WHO,
                java.time.Instant.now(),
                null,
                Map.of("releaseDir", "1.0.0~restore-half")));
        ReleaseTrees.write(bed.layout.release(ID, "1.0.0~restore-half"), Map.of("index.js", "partial"));

        bed.rollback.recover();

        assertThat(bed.rollback
                        .execution("01INTERRUPTED0000000000000")
                        .orElseThrow()
                        .status())
                .isEqualTo(Execution.Status.FAILED);
        assertThat(bed.area.exists(ID, "1.0.0~restore-half")).isFalse();
        assertThat(bed.area.currentLink(ID)).contains("1.0.0");
    }

    private static FileEntry entry(Manifest manifest, String path) {
        return manifest.files().stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .orElseThrow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
