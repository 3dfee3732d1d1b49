package dev.mcpver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpver.audit.AuditEntry;
import dev.mcpver.audit.AuditQuery;
import dev.mcpver.rollback.ConfigEntry;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentState;
import dev.mcpver.rollback.Execution;
import dev.mcpver.rollback.FileEntry;
import dev.mcpver.rollback.Initiator;
import dev.mcpver.rollback.LaunchSpec;
import dev.mcpver.rollback.Manifest;
import dev.mcpver.rollback.RollbackException;
import dev.mcpver.rollback.RollbackPoint;
import dev.mcpver.rollback.Sha256;
import dev.mcpver.rollback.SwitchCause;
import dev.mcpver.rollback.SwitchRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deployment and rollback-point stores on a real database; subclasses supply SQLite or PostgreSQL. */
abstract class DeploymentRollbackStoreContract {
    static final Initiator WHO = new Initiator("token:op", "req-7");
    static final DeploymentId ID = new DeploymentId("github", "production");
    static final LaunchSpec LAUNCH =
            LaunchSpec.http("java", List.of("-jar", "${release}/s.jar"), "http://127.0.0.1:${port}/mcp");
    static final DeploymentState EMPTY =
            new DeploymentState(null, null, LAUNCH, List.of(ConfigEntry.secret("TOKEN", "env:GH_TOKEN")));

    SqlAuditLog audit;
    SqlDeploymentStore deployments;
    SqlRollbackStore points;

    abstract String freshUrl();

    @BeforeEach
    void open() {
        Database database = Database.openMigrated(freshUrl());
        audit = new SqlAuditLog(database, Clock.systemUTC());
        deployments = new SqlDeploymentStore(database, audit, Clock.systemUTC());
        points = new SqlRollbackStore(database, audit, Clock.systemUTC());
    }

    @Test
    void should_switch_with_compare_and_set_on_the_revision_and_keep_the_whole_state_in_history() {
        deployments.create(ID, EMPTY, WHO);
        Deployment v1 = deployments.switchState(
                ID, 0, EMPTY.withRelease("1.0.0", "1.0.0"), new SwitchCause("activate", "a1"), WHO);

        assertThat(v1.revision()).isEqualTo(1);
        assertThatThrownBy(() -> deployments.switchState(
                        ID, 0, EMPTY.withRelease("2.0.0", "2.0.0"), new SwitchCause("activate", "a2"), WHO))
                .isInstanceOf(RollbackException.class)
                .hasMessageContaining("revision 1");
        assertThatThrownBy(() -> deployments.switchState(
                        ID, 1, EMPTY.withRelease("2.0.0", "2.0.0"), new SwitchCause("activate", "a1"), WHO))
                .hasMessageContaining("applied already");

        Deployment stored = deployments.find(ID).orElseThrow();
        assertThat(stored.state()).isEqualTo(EMPTY.withRelease("1.0.0", "1.0.0"));
        SwitchRecord record =
                deployments.switchFor(new SwitchCause("activate", "a1")).orElseThrow();
        assertThat(record.before()).isEqualTo(EMPTY);
        assertThat(record.after().config()).containsExactly(ConfigEntry.secret("TOKEN", "env:GH_TOKEN"));
        assertThat(deployments.switches(ID, 10)).hasSize(1);
    }

    @Test
    void should_audit_switches_with_secret_references_only() {
        deployments.create(ID, EMPTY, WHO);
        deployments.switchState(ID, 0, EMPTY.withRelease("1.0.0", "1.0.0"), new SwitchCause("activate", "a1"), WHO);

        List<AuditEntry> entries = audit.page(new AuditQuery(0, 10, "deployment", ID.toString(), null));
        assertThat(entries).extracting(AuditEntry::action).containsExactly("deployment.create", "deployment.switch");
        assertThat(entries.get(1).after()).contains("env:GH_TOKEN").contains("1.0.0");
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void should_store_points_with_their_files_and_answer_which_blobs_are_referenced() {
        String a = Sha256.hex("a");
        String b = Sha256.hex("b");
        Manifest manifest = new Manifest(List.of(
                FileEntry.file("x/a.txt", a, 1, false),
                FileEntry.file("b.txt", b, 1, true),
                FileEntry.link("x/link", "a.txt")));
        RollbackPoint point = new RollbackPoint(
                "01POINT",
                ID,
                EMPTY.withRelease("1.0.0", "1.0.0"),
                manifest.hash(),
                3,
                2,
                "before upgrade",
                List.of("pre-migration"),
                Instant.parse("2026-01-01T00:00:00Z"),
                null);
        points.insert(point, manifest, WHO);

        assertThat(points.find("01POINT")).contains(point);
        assertThat(points.manifest("01POINT")).isEqualTo(manifest);
        assertThat(points.manifest("01POINT").hash()).isEqualTo(point.manifestHash());
        assertThat(points.referencedBlobs()).containsExactlyInAnyOrder(a, b);
        assertThat(points.list(ID)).containsExactly(point);
        assertThat(points.list(new DeploymentId("other", "production"))).isEmpty();

        points.delete("01POINT", "test", WHO);
        assertThat(points.find("01POINT")).isEmpty();
        assertThat(points.referencedBlobs()).isEmpty();
    }

    @Test
    void should_insert_ten_thousand_file_rows_in_one_transaction() {
        List<FileEntry> files = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            files.add(FileEntry.file("d" + (i % 100) + "/f" + i, Sha256.hex("c" + i), i, false));
        }
        Manifest manifest = new Manifest(files);
        points.insert(
                new RollbackPoint(
                        "01BIG",
                        ID,
                        EMPTY.withRelease("1.0.0", "1.0.0"),
                        manifest.hash(),
                        files.size(),
                        manifest.totalBytes(),
                        "",
                        List.of(),
                        Instant.now(),
                        null),
                manifest,
                WHO);

        assertThat(points.manifest("01BIG").hash()).isEqualTo(manifest.hash());
    }

    @Test
    void should_keep_the_execution_history_and_pin_points_of_unconfirmed_restores() {
        points.startExecution(new Execution(
                "01E1",
                Execution.Kind.RESTORE,
                Execution.Status.RUNNING,
                "01P",
                ID,
                WHO,
                Instant.now(),
                null,
                Map.of("releaseDir", "1.0.0~restore-x")));

        assertThat(points.running()).extracting(Execution::id).containsExactly("01E1");
        assertThat(points.pinnedPoints()).containsExactly("01P");

        Execution done =
                points.finishExecution("01E1", Execution.Status.AWAITING_CONFIRMATION, Map.of("revision", "3"));
        assertThat(done.detail()).containsEntry("releaseDir", "1.0.0~restore-x").containsEntry("revision", "3");
        assertThat(done.finishedAt()).isNotNull();
        assertThat(points.running()).isEmpty();
        assertThat(points.pinnedPoints()).containsExactly("01P");
        points.finishExecution("01E1", Execution.Status.CONFIRMED, Map.of());
        assertThat(points.pinnedPoints()).isEmpty();
        assertThat(points.executions(ID, "01P", 5)).hasSize(1);
        assertThat(points.executions(null, null, 5)).hasSize(1);
    }
}
