package dev.mcpver.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.GatewaySettings;
import dev.mcpver.abtest.Experiment;
import dev.mcpver.abtest.StopRecord;
import dev.mcpver.migrate.PlanOptions;
import dev.mcpver.migrate.UpdateJob;
import dev.mcpver.migrate.UpdateRequest;
import dev.mcpver.migrate.UpdateService;
import dev.mcpver.migrate.UpdateStatus;
import dev.mcpver.migrate.UpdateStrategy;
import dev.mcpver.testing.MigrationTestbed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration feature's canary update strategy with the gateway's canary plugged into the deployments wiring (as
 * {@code serve} does): traffic through the gateway ramps the canary, promotes it, and the update migrates.
 */
class GatewayCanaryUpdateTest {
    @TempDir
    Path temp;

    private GatewayTestbed testbed;
    private final AtomicInteger unit = new AtomicInteger();

    @AfterEach
    void tearDown() {
        testbed.close();
    }

    private void traffic(int calls) {
        for (int i = 0; i < calls; i++) {
            RawMcp.Answer answer = RawMcp.post(
                    testbed.baseUrl() + GatewayTestbed.ENDPOINT,
                    RawMcp.call(i, "echo", "{\"text\":\"x\"}"),
                    Map.of(
                            "Authorization",
                            "Bearer " + GatewayTestbed.TOKEN,
                            GatewayServlet.CLIENT_HEADER,
                            "unit-" + unit.incrementAndGet()));
            assertThat(answer.status()).isEqualTo(200);
        }
        testbed.gateway.flushMetrics();
    }

    @Test
    void should_ramp_promote_and_migrate_a_canary_update_driven_by_gateway_traffic() {
        testbed = new GatewayTestbed(temp, GatewaySettings.defaults().withLimits(100_000, 100_000, 512));
        testbed.bed.wiring.useCanary(manual -> testbed.wiring.canary(
                manual, testbed.experiments, List.of(10, 25, 50), 20, Duration.ZERO, Clock.systemUTC()));
        UpdateService updates = testbed.bed.wiring.updates();
        UpdateJob job = updates.schedule(
                new UpdateRequest(
                        List.of(MigrationTestbed.ID),
                        "1.1.0",
                        UpdateStrategy.CANARY,
                        Instant.now(),
                        List.of("handshake", "smoke"),
                        true,
                        0,
                        10,
                        3_600_000,
                        PlanOptions.DEFAULT),
                MigrationTestbed.WHO);
        updates.tick();
        assertThat(updates.get(job.id()).status()).isEqualTo(UpdateStatus.AWAITING_DECISION);
        String experimentId = Objects.requireNonNull(updates.get(job.id()).experimentId());

        for (int round = 0; round < 60 && updates.get(job.id()).status() == UpdateStatus.AWAITING_DECISION; round++) {
            traffic(40);
            updates.tick();
        }

        UpdateJob done = updates.get(job.id());
        assertThat(done.status()).as(String.valueOf(done.cause())).isEqualTo(UpdateStatus.SUCCEEDED);
        assertThat(testbed.bed
                        .wiring
                        .deployments()
                        .get(MigrationTestbed.ID)
                        .state()
                        .version())
                .isEqualTo("1.1.0");
        Experiment experiment = testbed.experiments.get(experimentId);
        StopRecord stop = Objects.requireNonNull(experiment.stop());
        assertThat(stop.winner()).isEqualTo(GatewayCanary.CANARY);
        testbed.gateway.refreshRoutes();
        assertThat(GatewayTestbed.statusVersion(testbed.client("after-update"))).isEqualTo("1.1.0");
    }
}
