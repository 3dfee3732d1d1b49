package dev.mcpver.migrate;

import static dev.mcpver.testing.MigrationTestbed.ID;
import static dev.mcpver.testing.MigrationTestbed.WHO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpver.rollback.ConfigEntry;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.RollbackPoint;
import dev.mcpver.testing.MigrationTestbed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations end to end against real fixture MCP servers (processes on the MCP Java SDK): a good upgrade switches
 * and the new surface answers; each broken target rolls back automatically and the old version answers again.
 */
class MigrationExecutionTest {
    private static final Duration PROBE = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    MigrationTestbed bed;
    MigrationService migrations;

    @BeforeEach
    void setUp() {
        bed = new MigrationTestbed(temp, true);
        migrations = bed.wiring.migrations();
        bed.deployFirstVersion(List.of(ConfigEntry.secret("FIXTURE_TOKEN", "env:FIX_TOKEN_VALUE")));
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private Migration migrate(String version, PlanOptions options, boolean dryRun) {
        MigrationPlan plan = migrations.plan(ID, version, options, WHO);
        Migration created = migrations.start(plan.id(), dryRun, WHO);
        return migrations.run(created.id());
    }

    private Migration migrate(String version) {
        return migrate(version, PlanOptions.DEFAULT, false);
    }

    private ServerSurface residentSurface() {
        var handle =
                bed.wiring.supervisor().running(ID, ServerHandle.Role.RESIDENT).orElseThrow();
        return new dev.mcpver.deploy.McpProbe(bed.wiring.supervisor(), dev.mcpver.json.Json.mapper())
                .snapshot(handle, PROBE);
    }

    @Test
    void should_switch_to_a_good_target_and_answer_with_its_surface() {
        Migration done = migrate("1.1.0");

        assertThat(done.status()).as(String.valueOf(done.cause())).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(migrations.steps(done.id()))
                .filteredOn(s -> s.phase() != Phase.ROLLBACK)
                .allMatch(s -> s.status() == StepStatus.SUCCEEDED);
        Deployment deployment = bed.wiring.deployments().get(ID);
        assertThat(deployment.state().version()).isEqualTo("1.1.0");
        assertThat(bed.wiring.deployments().area().currentLink(ID)).contains("1.1.0");
        ServerSurface surface = residentSurface();
        assertThat(surface.serverVersion()).isEqualTo("1.1.0");
        assertThat(surface.tool("multiply")).isPresent();
        assertThat(bed.liveFixtures()).isEqualTo(1);
        RollbackPoint point = bed.wiring.rollback().get(java.util.Objects.requireNonNull(done.rollbackPointId()));
        assertThat(point.version()).isEqualTo("1.0.0");
        assertThat(point.tags()).contains("pre-migration");
        assertThat(migrations.events(done.id(), 0))
                .extracting(MigrationEvent::type)
                .startsWith("migration.created", "migration.started", "step.started", "step.finished")
                .endsWith("migration.finished");
    }

    @Test
    void should_roll_back_when_the_target_crashes_at_start() {
        Migration done = migrate("1.2.0");

        assertRolledBack(done, "start_target failed", "exited with code 4");
        assertThat(step(done, StepKind.RESTORE_POINT).effects()).containsEntry("restored", "false");
    }

    @Test
    void should_roll_back_when_the_target_offers_another_surface_than_registered() {
        Migration done = migrate("1.3.0");

        assertRolledBack(done, "snapshot_compare failed", "tool multiply is missing");
    }

    @Test
    void should_roll_back_when_a_smoke_call_fails() {
        Migration done = migrate("1.4.0");

        assertRolledBack(done, "smoke_calls failed", "expected not an error");
    }

    @Test
    void should_restore_the_rollback_point_when_a_check_fails_after_the_switch() {
        Migration done = migrate("1.5.0");

        assertRolledBack(done, "smoke_latency failed", "expected not an error");
        assertThat(step(done, StepKind.SWITCH).status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(step(done, StepKind.RESTORE_POINT).effects()).containsEntry("restored", "true");
        assertThat(bed.wiring.deployments().get(ID).state().releaseDir()).startsWith("1.0.0~restore-");
        assertThat(step(done, StepKind.VERIFY_OLD).effects()).containsEntry("comparedWithSource", "true");
    }

    @Test
    void should_stop_at_the_compatibility_check_when_breaking_changes_are_not_allowed() {
        Migration done = migrate("2.0.0");

        assertRolledBack(done, "compat_analysis failed", "Tool 'echo' was renamed to 'say'");
        MigrationGuide guide = migrations.guide(done.id());
        assertThat(guide.renames())
                .extracting(MigrationGuide.Item::action)
                .containsExactly("call `say` instead of `echo`");
        assertThat(guide.newRequiredArguments())
                .extracting(MigrationGuide.Item::action)
                .containsExactly("pass `c` in every call of `add`");
        assertThat(guide.markdown()).contains("## Renamed tools");
    }

    @Test
    void should_carry_a_renamed_environment_variable_over_to_a_breaking_target_when_allowed() {
        PlanOptions allow = new PlanOptions(
                List.of(), Map.of(), List.of(), null, true, true, false, false, 120_000, 900_000, 5_000, 3);

        Migration done = migrate("2.0.0", allow, false);

        assertThat(done.status()).as(String.valueOf(done.cause())).isEqualTo(MigrationStatus.SUCCEEDED);
        Deployment deployment = bed.wiring.deployments().get(ID);
        assertThat(deployment.state().config())
                .containsExactly(ConfigEntry.secret("FIXTURE_API_KEY", "env:FIX_TOKEN_VALUE"));
        assertThat(residentSurface().tool("say")).isPresent();
    }

    @Test
    void should_fail_environment_validation_when_a_required_variable_is_missing() {
        bed.wiring.deployments().configure(ID, List.of(), null, WHO);
        PlanOptions allow = new PlanOptions(
                List.of(), Map.of(), List.of(), null, true, true, false, false, 120_000, 900_000, 5_000, 3);

        Migration done = migrate("2.0.0", allow, false);

        assertRolledBack(done, "validate_environment failed", "needs FIXTURE_API_KEY (it replaces FIXTURE_TOKEN");
    }

    @Test
    void should_dry_run_every_check_that_changes_nothing() {
        Deployment before = bed.wiring.deployments().get(ID);

        Migration done = migrate("1.1.0", PlanOptions.DEFAULT, true);

        assertThat(done.status()).as(String.valueOf(done.cause())).isEqualTo(MigrationStatus.SUCCEEDED);
        assertThat(bed.wiring.deployments().get(ID).revision()).isEqualTo(before.revision());
        assertThat(step(done, StepKind.SMOKE_CALLS).status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(step(done, StepKind.SWITCH).status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(step(done, StepKind.CREATE_ROLLBACK_POINT).effects()).containsKey("dryRun");
        assertThat(bed.wiring.rollback().list(ID)).isEmpty();
        assertThat(bed.wiring.deployments().area().releaseDirs(ID)).containsExactly("1.0.0");
        assertThat(bed.liveFixtures()).isEqualTo(1);
    }

    @Test
    void should_report_which_checks_a_dry_run_would_fail() {
        Migration done = migrate("1.2.0", PlanOptions.DEFAULT, true);

        assertThat(done.status()).isEqualTo(MigrationStatus.FAILED);
        assertThat(done.cause())
                .isEqualTo(
                        "dry run: would fail at start_target; not checked: handshake, snapshot_compare, smoke_calls, smoke_latency");
        assertThat(bed.wiring.deployments().area().releaseDirs(ID)).containsExactly("1.0.0");
    }

    @Test
    void should_refuse_to_plan_a_smoke_call_of_an_unknown_tool_and_a_second_migration_at_once() {
        PlanOptions unknown = new PlanOptions(
                List.of(new SmokeCall("nope", "{}", List.of())),
                Map.of(),
                List.of(),
                null,
                false,
                true,
                false,
                false,
                120_000,
                900_000,
                2_000,
                3);
        assertThatThrownBy(() -> migrations.plan(ID, "1.1.0", unknown, WHO))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("has no such tool");

        MigrationPlan plan = migrations.plan(ID, "1.1.0", PlanOptions.DEFAULT, WHO);
        migrations.start(plan.id(), false, WHO);
        assertThatThrownBy(() -> migrations.start(plan.id(), false, WHO))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("one runs at a time");
        assertThat(migrations.plan(ID, "1.1.0", PlanOptions.DEFAULT, WHO).planVersion())
                .isEqualTo(2);
    }

    private void assertRolledBack(Migration done, String cause, String detail) {
        assertThat(done.status()).as(String.valueOf(done.cause())).isEqualTo(MigrationStatus.ROLLED_BACK);
        assertThat(done.cause()).contains(cause).contains(detail);
        Deployment deployment = bed.wiring.deployments().get(ID);
        assertThat(deployment.state().version()).isEqualTo("1.0.0");
        ServerSurface surface = residentSurface();
        assertThat(surface.serverVersion()).isEqualTo("1.0.0");
        assertThat(surface.tools()).extracting(ToolShape::name).containsExactly("add", "echo", "status");
        assertThat(step(done, StepKind.VERIFY_OLD).status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(bed.liveFixtures()).isEqualTo(1);
    }

    private StepRun step(Migration migration, StepKind kind) {
        return migrations.steps(migration.id()).stream()
                .filter(s -> s.kind() == kind)
                .findFirst()
                .orElseThrow();
    }
}
