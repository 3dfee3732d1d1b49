package dev.mcpver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpver.deploy.ProcessJournal;
import dev.mcpver.migrate.CanaryDecision;
import dev.mcpver.migrate.CompatFinding;
import dev.mcpver.migrate.CompatSummary;
import dev.mcpver.migrate.EnvRequirement;
import dev.mcpver.migrate.Expectation;
import dev.mcpver.migrate.Migration;
import dev.mcpver.migrate.MigrationException;
import dev.mcpver.migrate.MigrationPlan;
import dev.mcpver.migrate.MigrationPlanner;
import dev.mcpver.migrate.MigrationStatus;
import dev.mcpver.migrate.PlanOptions;
import dev.mcpver.migrate.ServerSurface;
import dev.mcpver.migrate.SmokeCall;
import dev.mcpver.migrate.StepKind;
import dev.mcpver.migrate.StepRun;
import dev.mcpver.migrate.StepStatus;
import dev.mcpver.migrate.TargetRelease;
import dev.mcpver.migrate.ToolShape;
import dev.mcpver.migrate.UpdateJob;
import dev.mcpver.migrate.UpdateRequest;
import dev.mcpver.migrate.UpdateStatus;
import dev.mcpver.migrate.UpdateStrategy;
import dev.mcpver.rollback.ArtifactRef;
import dev.mcpver.rollback.ArtifactSignature;
import dev.mcpver.rollback.ConfigEntry;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentState;
import dev.mcpver.rollback.Initiator;
import dev.mcpver.rollback.LaunchSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plans, migrations, targets, updates, canary verdicts and the process journal on a real database. */
abstract class MigrationStoreContract {
    static final Initiator WHO = new Initiator("token:op", "req-1");
    static final DeploymentId ID = new DeploymentId("github", "production");
    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    static final ServerSurface SURFACE = new ServerSurface(
            "github", "1.1.0", null, List.of(new ToolShape("status", "Reports.", "{\"type\":\"object\"}", null, true)));
    static final TargetRelease TARGET = new TargetRelease(
            "github",
            "1.1.0",
            ArtifactRef.archive("/a.tgz", "a".repeat(64)).withSignature(new ArtifactSignature("k1", "ed25519", "AAAA")),
            LaunchSpec.http("java", List.of("-jar", "${release}/s.jar"), "http://127.0.0.1:${port}/mcp"),
            List.of(new EnvRequirement("API_KEY", "TOKEN", null)),
            SURFACE,
            List.of(new SmokeCall("status", "{}", List.of(Expectation.jsonEquals("/ok", "true")))));

    SqlMigrationStore migrations;
    SqlTargetCatalog targets;
    SqlUpdateStore updates;
    SqlManualCanary canary;
    SqlProcessJournal journal;
    SqlAuditLog audit;

    abstract String freshUrl();

    @BeforeEach
    void open() {
        Database database = Database.openMigrated(freshUrl());
        audit = new SqlAuditLog(database, Clock.systemUTC());
        migrations = new SqlMigrationStore(database, audit, Clock.systemUTC());
        targets = new SqlTargetCatalog(database, audit, Clock.systemUTC());
        updates = new SqlUpdateStore(database, audit);
        canary = new SqlManualCanary(database, audit, Clock.systemUTC());
        journal = new SqlProcessJournal(database);
    }

    private MigrationPlan plan(String id, int version) {
        DeploymentState state = new DeploymentState(
                "1.0.0",
                "1.0.0",
                LaunchSpec.stdio("node", List.of("x.js")),
                List.of(ConfigEntry.secret("TOKEN", "env:GH")));
        return MigrationPlanner.plan(
                id,
                version,
                new Deployment(ID, state, 3, NOW, NOW),
                TARGET,
                PlanOptions.DEFAULT,
                Map.of(StepKind.START_TARGET, 1234L),
                NOW);
    }

    @Test
    void should_store_versioned_plans_and_read_them_back_whole() {
        assertThat(migrations.nextPlanVersion(ID, "1.1.0")).isEqualTo(1);
        MigrationPlan plan = plan("01PLAN1", 1);
        migrations.savePlan(plan, WHO);

        assertThat(migrations.plan("01PLAN1")).contains(plan);
        assertThat(migrations.nextPlanVersion(ID, "1.1.0")).isEqualTo(2);
        assertThat(migrations.plans(ID, 10)).containsExactly(plan);
        assertThat(plan.steps())
                .filteredOn(s -> s.kind() == StepKind.START_TARGET)
                .singleElement()
                .extracting(s -> s.estimatedMs())
                .isEqualTo(1234L);
    }

    @Test
    void should_run_one_migration_per_deployment_and_keep_steps_events_and_artifacts() {
        MigrationPlan plan = plan("01PLAN2", 1);
        migrations.savePlan(plan, WHO);
        Migration migration = new Migration(
                "01MIG1",
                plan.id(),
                ID,
                "1.0.0",
                "1.1.0",
                false,
                MigrationStatus.PENDING,
                0,
                null,
                null,
                WHO,
                NOW,
                null,
                null);
        migrations.create(
                migration,
                plan.steps().stream().map(s -> StepRun.pending("01MIG1", s)).toList());

        assertThatThrownBy(() -> migrations.create(
                        new Migration(
                                "01MIG2",
                                plan.id(),
                                ID,
                                "1.0.0",
                                "1.1.0",
                                false,
                                MigrationStatus.PENDING,
                                0,
                                null,
                                null,
                                WHO,
                                NOW,
                                null,
                                null),
                        List.of()))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("one runs at a time");

        StepRun run = StepRun.pending("01MIG1", plan.steps().get(0)).running(NOW);
        migrations.updateStep(
                run.finished(StepStatus.SUCCEEDED, NOW.plusMillis(40), Map.of("surfaceHash", "abc"), null));
        migrations.update(migration.started(NOW).atStep(1).withRollbackPoint("01POINT"));
        assertThat(migrations.steps("01MIG1").get(0).effects()).containsEntry("surfaceHash", "abc");
        assertThat(migrations.steps("01MIG1").get(0).durationMs()).isEqualTo(40L);
        assertThat(migrations.steps("01MIG1").get(1).durationMs()).isNull();
        assertThat(migrations.meanDurations(5)).containsEntry(StepKind.SNAPSHOT_SOURCE, 40L);
        assertThat(migrations.unfinished())
                .extracting(Migration::rollbackPointId)
                .containsExactly("01POINT");

        assertThat(migrations
                        .appendEvent("01MIG1", "step.started", Map.of("index", "0"))
                        .seq())
                .isEqualTo(1);
        assertThat(migrations
                        .appendEvent("01MIG1", "step.finished", Map.of("index", "0"))
                        .seq())
                .isEqualTo(2);
        assertThat(migrations.events("01MIG1", 1)).extracting(e -> e.type()).containsExactly("step.finished");

        CompatSummary report = new CompatSummary(
                "major",
                List.of(new CompatFinding("tool-removed", CompatFinding.Level.BREAKING, "tools/x", "x removed")),
                Map.of("a", "b"));
        migrations.saveArtifact("01MIG1", "compat", report);
        migrations.saveArtifact("01MIG1", "source", SURFACE);
        assertThat(migrations.artifact("01MIG1", "compat", CompatSummary.class)).contains(report);
        assertThat(migrations.artifact("01MIG1", "source", ServerSurface.class)).contains(SURFACE);

        migrations.update(migration.with(MigrationStatus.ROLLED_BACK, "smoke failed", NOW));
        assertThat(migrations.unfinished()).isEmpty();
        assertThat(migrations.find("01MIG1").orElseThrow().cause()).isEqualTo("smoke failed");
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void should_register_targets_replacing_an_earlier_registration() {
        targets.register(TARGET, WHO);
        targets.register(TARGET, WHO);

        assertThat(targets.find("github", "1.1.0")).contains(TARGET);
        assertThat(targets.versions("github")).containsExactly(TARGET);
        assertThat(targets.find("github", "9.9.9")).isEmpty();
    }

    @Test
    void should_claim_an_update_once_and_record_canary_verdicts() {
        UpdateRequest request = new UpdateRequest(
                List.of(ID),
                "1.1.0",
                UpdateStrategy.CANARY,
                NOW,
                List.of("smoke"),
                true,
                0,
                10,
                3_600_000,
                PlanOptions.DEFAULT);
        UpdateJob job =
                new UpdateJob("01UPD", request, UpdateStatus.SCHEDULED, null, List.of(), null, null, WHO, NOW, NOW);
        updates.insert(job);

        assertThat(updates.claim(job.with(UpdateStatus.RUNNING, null, NOW), UpdateStatus.SCHEDULED))
                .isTrue();
        assertThat(updates.claim(job.with(UpdateStatus.RUNNING, null, NOW), UpdateStatus.SCHEDULED))
                .isFalse();
        assertThat(updates.find("01UPD").orElseThrow().request()).isEqualTo(request);
        assertThat(updates.open()).hasSize(1);

        String experiment = canary.start("01UPD", ID, "1.0.0", "1.1.0", 10);
        assertThat(canary.decision(experiment).verdict()).isEqualTo(CanaryDecision.Verdict.PENDING);
        canary.decide("01UPD", CanaryDecision.Verdict.PROMOTE, "looks good", WHO);
        assertThat(canary.decision(experiment))
                .isEqualTo(new CanaryDecision(CanaryDecision.Verdict.PROMOTE, "looks good"));
        assertThatThrownBy(() -> canary.decide("01UPD", CanaryDecision.Verdict.ROLLBACK, null, WHO))
                .hasMessageContaining("no canary awaiting a verdict");

        updates.update(job.with(UpdateStatus.SUCCEEDED, null, NOW));
        assertThat(updates.open()).isEmpty();
        assertThat(updates.list(5)).extracting(UpdateJob::status).containsExactly(UpdateStatus.SUCCEEDED);
    }

    @Test
    void should_journal_processes() {
        journal.record(new ProcessJournal.Entry("p1", ID, "candidate", "1.1.0", 4242, NOW, NOW));
        journal.changeRole("p1", "resident");

        assertThat(journal.all()).singleElement().satisfies(e -> {
            assertThat(e.role()).isEqualTo("resident");
            assertThat(e.processStart()).isEqualTo(NOW);
        });
        journal.forget("p1");
        assertThat(journal.all()).isEmpty();
    }
}
