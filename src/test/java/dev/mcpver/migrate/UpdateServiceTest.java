package dev.mcpver.migrate;

import static dev.mcpver.testing.MigrationTestbed.ID;
import static dev.mcpver.testing.MigrationTestbed.WHO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpver.DeploymentWiring;
import dev.mcpver.fixtures.FixtureCatalog;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.testing.MigrationTestbed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Automated updates with each strategy against real fixture servers. */
class UpdateServiceTest {
    private static final DeploymentId PRODUCTION = new DeploymentId(FixtureCatalog.SERVER, "production");

    @TempDir
    Path temp;

    MigrationTestbed bed;
    UpdateService updates;

    @BeforeEach
    void setUp() {
        bed = new MigrationTestbed(temp, true);
        bed.deployFirstVersion(List.of());
        updates = bed.wiring.updates();
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private UpdateRequest request(
            List<DeploymentId> deployments, String version, UpdateStrategy strategy, Instant runAt, long holdMs) {
        return new UpdateRequest(
                deployments,
                version,
                strategy,
                runAt,
                List.of("handshake", "smoke"),
                true,
                holdMs,
                10,
                3_600_000,
                PlanOptions.DEFAULT);
    }

    private String version(DeploymentId id) {
        return String.valueOf(bed.wiring.deployments().get(id).state().version());
    }

    @Test
    void should_run_an_immediate_update_when_due_and_not_before() {
        UpdateJob later = updates.schedule(
                request(
                        List.of(ID),
                        "1.1.0",
                        UpdateStrategy.IMMEDIATE,
                        Instant.now().plusSeconds(3600),
                        0),
                WHO);
        assertThat(updates.tick()).isEmpty();
        assertThat(updates.get(later.id()).status()).isEqualTo(UpdateStatus.SCHEDULED);
        updates.cancel(later.id(), WHO);

        UpdateJob now =
                updates.schedule(request(List.of(ID), "1.1.0", UpdateStrategy.IMMEDIATE, Instant.now(), 0), WHO);
        updates.tick();

        UpdateJob done = updates.get(now.id());
        assertThat(done.status()).as(String.valueOf(done.cause())).isEqualTo(UpdateStatus.SUCCEEDED);
        assertThat(done.migrationIds()).hasSize(1);
        assertThat(version(ID)).isEqualTo("1.1.0");
    }

    @Test
    void should_stop_a_rolling_update_at_the_first_rollback() {
        bed.wiring.deployments().register(PRODUCTION, bed.launch, List.of(), WHO);
        bed.wiring
                .deployments()
                .activate(
                        PRODUCTION,
                        "1.0.0",
                        bed.wiring
                                .targets()
                                .find(FixtureCatalog.SERVER, "1.0.0")
                                .orElseThrow()
                                .artifact(),
                        null,
                        WHO);

        UpdateJob job = updates.schedule(
                request(List.of(ID, PRODUCTION), "1.4.0", UpdateStrategy.ROLLING, Instant.now(), 0), WHO);
        updates.tick();

        UpdateJob done = updates.get(job.id());
        assertThat(done.status()).isEqualTo(UpdateStatus.ROLLED_BACK);
        assertThat(done.cause())
                .contains("fixture/staging: smoke_calls failed")
                .endsWith("not updated: [fixture/production]");
        assertThat(version(ID)).isEqualTo("1.0.0");
        assertThat(version(PRODUCTION)).isEqualTo("1.0.0");
    }

    @Test
    void should_keep_blue_running_during_the_hold_then_stop_it() throws Exception {
        UpdateJob job =
                updates.schedule(request(List.of(ID), "1.1.0", UpdateStrategy.BLUE_GREEN, Instant.now(), 1_000), WHO);
        updates.tick();

        assertThat(updates.get(job.id()).status()).isEqualTo(UpdateStatus.HOLDING);
        assertThat(version(ID)).isEqualTo("1.1.0");
        assertThat(bed.liveFixtures()).as("blue and green both run").isEqualTo(2);
        Thread.sleep(1_100);
        updates.tick();

        assertThat(updates.get(job.id()).status()).isEqualTo(UpdateStatus.SUCCEEDED);
        assertThat(bed.liveFixtures()).isEqualTo(1);
        assertThat(bed.wiring.probe(ID).serverVersion()).isEqualTo("1.1.0");
    }

    @Test
    void should_promote_a_canary_on_its_verdict_and_stop_it_on_a_rollback_verdict() {
        UpdateJob promoted =
                updates.schedule(request(List.of(ID), "1.1.0", UpdateStrategy.CANARY, Instant.now(), 0), WHO);
        updates.tick();
        assertThat(updates.get(promoted.id()).status()).isEqualTo(UpdateStatus.AWAITING_DECISION);
        assertThat(bed.liveFixtures()).isEqualTo(2);
        bed.wiring.decideCanary(promoted.id(), CanaryDecision.Verdict.PROMOTE, "error rate equal", WHO);
        updates.tick();
        assertThat(updates.get(promoted.id()).status()).isEqualTo(UpdateStatus.SUCCEEDED);
        assertThat(version(ID)).isEqualTo("1.1.0");

        UpdateJob refused = updates.schedule(
                request(List.of(ID), "2.0.0", UpdateStrategy.CANARY, Instant.now(), 0)
                        .withOptions(allowBreakingWithKey()),
                WHO);
        updates.tick();
        assertThat(updates.get(refused.id()).status())
                .as(String.valueOf(updates.get(refused.id()).cause()))
                .isEqualTo(UpdateStatus.AWAITING_DECISION);
        bed.wiring.decideCanary(refused.id(), CanaryDecision.Verdict.ROLLBACK, "p95 latency up 40%", WHO);
        updates.tick();
        UpdateJob done = updates.get(refused.id());
        assertThat(done.status()).isEqualTo(UpdateStatus.ROLLED_BACK);
        assertThat(done.cause()).isEqualTo("canary verdict: rollback (p95 latency up 40%)");
        assertThat(version(ID)).isEqualTo("1.1.0");
        assertThat(bed.liveFixtures()).isEqualTo(1);
    }

    private static PlanOptions allowBreakingWithKey() {
        return new PlanOptions(
                List.of(),
                Map.of(),
                List.of(dev.mcpver.rollback.ConfigEntry.plain("FIXTURE_API_KEY", "k")),
                null,
                true,
                true,
                false,
                false,
                120_000,
                900_000,
                5_000,
                3);
    }

    @Test
    void should_run_a_job_scheduled_before_a_restart() throws InterruptedException {
        UpdateJob job =
                updates.schedule(request(List.of(ID), "1.1.0", UpdateStrategy.IMMEDIATE, Instant.now(), 0), WHO);
        bed.wiring.close();

        try (DeploymentWiring restarted = new DeploymentWiring(
                bed.database, bed.audit, bed.home, Map.of("PATH", System.getenv("PATH")), Clock.systemUTC(), true)) {
            restarted.recover(); // starts the scheduler, which runs the due job
            UpdateStatus status = restarted.updates().get(job.id()).status();
            for (int i = 0; i < 600 && !status.terminal(); i++) {
                Thread.sleep(100);
                status = restarted.updates().get(job.id()).status();
            }
            assertThat(status).isEqualTo(UpdateStatus.SUCCEEDED);
        }
    }

    @Test
    void should_refuse_an_invalid_update_with_every_reason() {
        UpdateRequest bad = new UpdateRequest(
                List.of(ID),
                "9.9.9",
                UpdateStrategy.ROLLING,
                Instant.now(),
                List.of("health"),
                false,
                0,
                10,
                3_600_000,
                PlanOptions.DEFAULT);

        assertThatThrownBy(() -> updates.schedule(bad, WHO))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("automatic_rollback must be true")
                .hasMessageContaining("a rolling update needs at least two deployments")
                .hasMessageContaining("version 9.9.9 of fixture is not registered");
    }
}
